package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Anonymous downloads: a bucket policy opens the {@code public/} prefix to everyone ({@code "Principal": "*"}), and,
 * as the legacy mechanism the seeds mention, a {@code public-read} canned ACL opens a single object.
 */
class PublicPrefixScenarioTest {

    @TempDir
    Path dir;
    RunningObjectStore store;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("downloads", "public/setup.exe", "private/payroll.xlsx");
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void aBucketPolicyOpensThePublicPrefixToAnonymousReaders() throws Exception {
        assertThat(anonymousGet("/downloads/public/setup.exe").statusCode()).isEqualTo(403);
        try (S3Client s3 = store.s3(store.admin)) {
            s3.putBucketPolicy(b -> b.bucket("downloads").policy("""
                    {"Version": "2012-10-17", "Statement": [{"Sid": "PublicDownloads", "Effect": "Allow",
                      "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::downloads/public/*"}]}"""));
        }
        HttpResponse<String> open = anonymousGet("/downloads/public/setup.exe");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).isEqualTo("public/setup.exe");
        HttpResponse<String> closed = anonymousGet("/downloads/private/payroll.xlsx");
        assertThat(closed.statusCode()).isEqualTo(403);
        assertThat(closed.body()).contains("<Message>Access Denied</Message>");
        try (S3Client anonymous = store.anonymousS3()) {
            assertThat(anonymous.getObjectAsBytes(b -> b.bucket("downloads").key("public/setup.exe")).asUtf8String())
                    .isEqualTo("public/setup.exe");
            assertThatThrownBy(() -> anonymous.putObject(b -> b.bucket("downloads").key("public/evil.exe"),
                    RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void aPublicReadCannedAclOpensOneObject() throws Exception {
        try (S3Client s3 = store.s3(store.admin)) {
            s3.putObject(b -> b.bucket("downloads").key("flyer.pdf").acl(ObjectCannedACL.PUBLIC_READ),
                    RequestBody.fromString("flyer"));
        }
        assertThat(anonymousGet("/downloads/flyer.pdf").body()).isEqualTo("flyer");
        assertThat(anonymousGet("/downloads/private/payroll.xlsx").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(store.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
