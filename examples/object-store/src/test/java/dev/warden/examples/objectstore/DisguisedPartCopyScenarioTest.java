package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Issue 13, item 1: a user allowed to read, write and set the ACL of {@code alpha/public/*} sends an UploadPartCopy
 * from another bucket with {@code ?acl} added, hoping the filter checks s3:PutObjectAcl while the store copies. The
 * sub-resources conflict, so the request is refused before anything runs, and nothing is copied.
 */
class DisguisedPartCopyScenarioTest {

    static final String PUBLIC_PREFIX_ONLY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Action": ["s3:GetObject", "s3:PutObject", "s3:PutObjectAcl"],
              "Resource": "arn:aws:s3:::alpha/public/*"}]}""";

    @TempDir
    Path dir;
    RunningObjectStore store;
    AwsBasicCredentials mallory;

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("alpha", "public/readme.txt");
        store.bucketWith("beta", "secret.txt");
        mallory = store.userWithPolicy("mallory", PUBLIC_PREFIX_ONLY);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    /** A client that adds {@code ?acl} to every request before signing it. */
    private S3Client addingAcl(AwsBasicCredentials credentials) {
        ExecutionInterceptor addAcl = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                                                    ExecutionAttributes attributes) {
                return context.httpRequest().toBuilder().putRawQueryParameter("acl", "").build();
            }
        };
        return S3Client.builder().endpointOverride(store.uri()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(addAcl)).build();
    }

    @Test
    void aPartCopyDisguisedAsPutObjectAclIsRefusedAndCopiesNothing() {
        String upload;
        try (S3Client s3 = store.s3(mallory)) {
            upload = s3.createMultipartUpload(b -> b.bucket("alpha").key("public/loot.txt")).uploadId();
        }
        try (S3Client disguised = addingAcl(mallory)) {
            assertThatThrownBy(() -> disguised.uploadPartCopy(b -> b.bucket("alpha").key("public/loot.txt")
                    .uploadId(upload).partNumber(1).sourceBucket("beta").sourceKey("secret.txt")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Conflicting query string parameters: acl, partNumber, uploadId");
                    });
        }
        try (S3Client admin = store.s3(store.admin)) {
            assertThat(admin.listParts(b -> b.bucket("alpha").key("public/loot.txt").uploadId(upload)).parts())
                    .isEmpty();
        }
    }

    @Test
    void theSamePartCopyUndisguisedIsDeniedForLackOfReadOnTheSource() {
        try (S3Client s3 = store.s3(mallory)) {
            String upload = s3.createMultipartUpload(b -> b.bucket("alpha").key("public/loot.txt")).uploadId();
            assertThatThrownBy(() -> s3.uploadPartCopy(b -> b.bucket("alpha").key("public/loot.txt")
                    .uploadId(upload).partNumber(1).sourceBucket("beta").sourceKey("secret.txt")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("s3:GetObject on resource: "
                                + "arn:aws:s3:::beta/secret.txt");
                    });
        }
    }

    @Test
    void theUserMaySetTheAclOfHisOwnPrefix() {
        try (S3Client s3 = store.s3(mallory)) {
            s3.putObjectAcl(b -> b.bucket("alpha").key("public/readme.txt").acl(ObjectCannedACL.PUBLIC_READ));
            assertThatThrownBy(() -> s3.putObjectAcl(b -> b.bucket("beta").key("secret.txt")
                    .acl(ObjectCannedACL.PUBLIC_READ)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }
}
