package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The seeds' condition example: uploads only from the office network and only inside a time window
 * ({@code aws:SourceIp}, {@code aws:CurrentTime}). The office here is 127.0.0.0/8, where the test's client is; the
 * window is written around the real current time, because the SDK signs with the real clock and a server clock set
 * elsewhere would refuse its signatures as skewed (the filter's own tests fix the clock at 14:30 instead).
 */
class OfficeUploadWindowScenarioTest {

    @TempDir
    Path dir;
    RunningObjectStore store;

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("downloads");
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void anUploadFromTheOfficeInsideTheWindowIsAllowed() {
        AwsBasicCredentials uploader = uploader("127.0.0.0/8", Instant.now().minus(1, ChronoUnit.HOURS),
                Instant.now().plus(1, ChronoUnit.HOURS));
        try (S3Client s3 = store.s3(uploader)) {
            s3.putObject(b -> b.bucket("downloads").key("accounts.xlsx"), RequestBody.fromString("figures"));
        }
    }

    @Test
    void anUploadOutsideTheWindowIsDenied() {
        AwsBasicCredentials uploader = uploader("127.0.0.0/8", Instant.now().minus(3, ChronoUnit.HOURS),
                Instant.now().minus(2, ChronoUnit.HOURS));
        assertDenied(uploader);
    }

    @Test
    void anUploadFromAnotherNetworkIsDenied() {
        AwsBasicCredentials uploader = uploader("203.0.113.0/24", Instant.now().minus(1, ChronoUnit.HOURS),
                Instant.now().plus(1, ChronoUnit.HOURS));
        assertDenied(uploader);
    }

    private void assertDenied(AwsBasicCredentials uploader) {
        try (S3Client s3 = store.s3(uploader)) {
            assertThatThrownBy(() -> s3.putObject(b -> b.bucket("downloads").key("accounts.xlsx"),
                    RequestBody.fromString("figures")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .contains("because no identity-based policy allows the s3:PutObject action");
                    });
        }
    }

    private AwsBasicCredentials uploader(String office, Instant from, Instant until) {
        AwsBasicCredentials uploader = store.user("accountant");
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "OfficeHoursUploads", "Effect": "Allow",
                  "Action": "s3:PutObject", "Resource": "arn:aws:s3:::downloads/*",
                  "Condition": {"IpAddress": {"aws:SourceIp": "%s"},
                                "DateGreaterThan": {"aws:CurrentTime": "%s"},
                                "DateLessThan": {"aws:CurrentTime": "%s"}}}]}"""
                .formatted(office, from.truncatedTo(ChronoUnit.SECONDS), until.truncatedTo(ChronoUnit.SECONDS));
        try (IamClient iam = store.iam(store.admin)) {
            iam.putUserPolicy(b -> b.userName("accountant").policyName("office-hours").policyDocument(policy));
        }
        return uploader;
    }
}
