package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The seeds' download server: a read-only role with AmazonS3ReadOnlyAccess that an operator assumes, against an
 * administrator who reads and writes. Everything goes through the object store's own port: IAM to set it up, STS to
 * assume the role, S3 to use it.
 */
class ReadOnlyRoleScenarioTest {

    static final String TRUST_ACCOUNT = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}]}""";

    @TempDir
    Path dir;
    RunningObjectStore store;

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("downloads", "setup.exe", "docs/manual.pdf");
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void theAdministratorReadsAndWrites() {
        try (S3Client s3 = store.s3(store.admin)) {
            s3.putObject(b -> b.bucket("downloads").key("release-2.zip"), RequestBody.fromString("v2"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("downloads").key("release-2.zip")).asUtf8String())
                    .isEqualTo("v2");
            s3.deleteObject(b -> b.bucket("downloads").key("release-2.zip"));
        }
    }

    @Test
    void aSessionOfTheReadOnlyRoleDownloadsButCannotUpload() {
        try (IamClient iam = store.iam(store.admin)) {
            iam.createRole(b -> b.roleName("downloads-reader").assumeRolePolicyDocument(TRUST_ACCOUNT));
            iam.attachRolePolicy(b -> b.roleName("downloads-reader")
                    .policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        }
        AwsBasicCredentials operator = store.user("operator");
        try (IamClient iam = store.iam(store.admin)) {
            iam.putUserPolicy(b -> b.userName("operator").policyName("assume-reader").policyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                      "Resource": "arn:aws:iam::111122223333:role/downloads-reader"}]}"""));
        }
        Credentials session;
        try (StsClient sts = store.sts(operator)) {
            session = sts.assumeRole(b -> b.roleArn("arn:aws:iam::111122223333:role/downloads-reader")
                    .roleSessionName("operator-shift")).credentials();
        }
        try (S3Client s3 = store.s3(RunningObjectStore.session(session))) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("downloads").key("setup.exe")).asUtf8String())
                    .isEqualTo("setup.exe");
            assertThat(s3.listObjectsV2(b -> b.bucket("downloads")).contents()).hasSize(2);
            assertThatThrownBy(() -> s3.putObject(b -> b.bucket("downloads").key("evil.exe"),
                    RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                                "User: arn:aws:sts::111122223333:assumed-role/downloads-reader/operator-shift is not "
                                        + "authorized to perform: s3:PutObject on resource: "
                                        + "arn:aws:s3:::downloads/evil.exe because no identity-based policy allows "
                                        + "the s3:PutObject action");
                    });
        }
        try (S3Client s3 = store.s3(store.admin)) {
            assertThat(s3.listObjectsV2(b -> b.bucket("downloads")).contents()).extracting(o -> o.key())
                    .doesNotContain("evil.exe");
        }
    }

    @Test
    void aUserWithoutPoliciesCanDoNothing() {
        AwsBasicCredentials nobody = store.user("nobody");
        try (S3Client s3 = store.s3(nobody)) {
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("downloads").key("setup.exe")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThatThrownBy(s3::listBuckets)
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }
}
