package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.spi.Principal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The account's root user with an access key (as AWS allows, and discourages): the AWS SDK's S3 client signs with
 * it, and the object store's filter lets it read and write its account's buckets without any policy, while an
 * explicit deny in a bucket policy still stops it.
 */
class RootKeyScenarioTest {

    @TempDir
    Path dir;
    RunningObjectStore store;
    AwsBasicCredentials root;

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("downloads", "setup.exe");
        ObjectNode key = store.app.warden().iam().call(Principal.of("arn:aws:iam::111122223333:root"),
                "111122223333", "CreateAccessKey", Map.of());
        root = AwsBasicCredentials.create(key.at("/AccessKey/AccessKeyId").asText(),
                key.at("/AccessKey/SecretAccessKey").asText());
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void the_root_user_reads_and_writes_its_accounts_buckets_without_a_policy() {
        try (S3Client s3 = store.s3(root)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("downloads").key("setup.exe")).asUtf8String())
                    .isEqualTo("setup.exe");
            s3.putObject(b -> b.bucket("downloads").key("by-root.txt"), RequestBody.fromString("root"));
            assertThat(s3.listObjectsV2(b -> b.bucket("downloads")).contents()).hasSize(2);
        }
    }

    @Test
    void a_bucket_policys_explicit_deny_stops_the_root_user_too() {
        try (S3Client admin = store.s3(store.admin)) {
            admin.putBucketPolicy(b -> b.bucket("downloads").policy("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
                      "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:DeleteObject",
                      "Resource": "arn:aws:s3:::downloads/*"}]}"""));
        }
        try (S3Client s3 = store.s3(root)) {
            assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket("downloads").key("setup.exe")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: "
                                + "arn:aws:iam::111122223333:root is not authorized to perform: s3:DeleteObject on "
                                + "resource: arn:aws:s3:::downloads/setup.exe with an explicit deny in a "
                                + "resource-based policy");
                    });
        }
    }
}
