package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What a GetObject or HeadObject of something missing answers, as AWS orders it: 404 {@code NoSuchKey} to a caller
 * who may list the bucket, 403 {@code AccessDenied} to one who may read objects but not list (a missing key would
 * otherwise tell him which keys exist), 403 to one who may not read at all; a missing bucket is 404
 * {@code NoSuchBucket} to a caller allowed to act on it.
 */
class MissingObjectAnswersScenarioTest {

    @TempDir
    Path dir;
    RunningObjectStore store;

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("downloads", "catalog.pdf");
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    private AwsBasicCredentials userWith(String name, String actions) {
        return store.userWithPolicy(name, """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": %s,
                  "Resource": ["arn:aws:s3:::downloads", "arn:aws:s3:::downloads/*"]}]}""".formatted(actions));
    }

    @Test
    void aCallerWhoMayListTheBucketIsToldTheKeyDoesNotExist() {
        try (S3Client s3 = store.s3(userWith("lister", "[\"s3:GetObject\", \"s3:ListBucket\"]"))) {
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("downloads").key("missing.pdf")))
                    .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
            assertThatThrownBy(() -> s3.headObject(b -> b.bucket("downloads").key("missing.pdf")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        }
    }

    @Test
    void aCallerWhoMayReadButNotListIsDeniedRatherThanToldTheKeyIsMissing() {
        try (S3Client s3 = store.s3(userWith("reader", "\"s3:GetObject\""))) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("downloads").key("catalog.pdf")).asUtf8String())
                    .isEqualTo("catalog.pdf");
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("downloads").key("missing.pdf")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });
            assertThatThrownBy(() -> s3.headObject(b -> b.bucket("downloads").key("missing.pdf")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void aCallerWhoMayNotReadIsDenied() {
        try (S3Client s3 = store.s3(userWith("outsider", "\"s3:ListBucket\""))) {
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("downloads").key("missing.pdf")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void aMissingBucketIsNoSuchBucketToACallerAllowedToActOnIt() {
        try (S3Client s3 = store.s3(store.admin)) {
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("nowhere").key("x")))
                    .isInstanceOfSatisfying(NoSuchBucketException.class, e ->
                            assertThat(e.statusCode()).isEqualTo(404));
            assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("nowhere")))
                    .isInstanceOf(NoSuchBucketException.class);
        }
    }
}
