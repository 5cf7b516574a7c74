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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Policies written against every bucket, as AWS's examples write them: {@code s3:ListAllMyBuckets} on
 * {@code arn:aws:s3:::*} (allowed or denied there, as in AWS), and bucket policies whose resources are wildcards
 * covering the bucket ({@code arn:aws:s3:::*}, {@code arn:aws:s3:::*}{@code /*}), taken and in force.
 */
class WildcardS3ResourcesScenarioTest {

    @TempDir
    Path dir;
    RunningObjectStore store;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("downloads", "catalog.pdf");
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void aDenyOfListAllMyBucketsOnEveryBucketArnRefusesListBuckets() {
        AwsBasicCredentials user = store.userWithPolicy("lister", """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                  {"Effect": "Deny", "Action": "s3:ListAllMyBuckets", "Resource": "arn:aws:s3:::*"}]}""");
        try (S3Client s3 = store.s3(user)) {
            assertThatThrownBy(s3::listBuckets).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage()).contains("s3:ListAllMyBuckets on resource: "
                        + "arn:aws:s3:::* with an explicit deny");
            });
            assertThat(s3.listObjectsV2(b -> b.bucket("downloads")).contents()).hasSize(1);
        }
    }

    @Test
    void anAllowOfListAllMyBucketsOnEveryBucketArnAllowsListBuckets() {
        AwsBasicCredentials user = store.userWithPolicy("lister", """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "arn:aws:s3:::*"}]}""");
        try (S3Client s3 = store.s3(user)) {
            assertThat(s3.listBuckets().buckets()).isNotNull();
        }
    }

    @Test
    void aBucketPolicyOnEveryObjectArnIsTakenAndOpensTheBucketsObjects() throws Exception {
        try (S3Client s3 = store.s3(store.admin)) {
            s3.putBucketPolicy(b -> b.bucket("downloads").policy("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                      "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*/*"}]}"""));
        }
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(store.uri().resolve(
                "/downloads/catalog.pdf")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo("catalog.pdf");
    }

    @Test
    void aBucketPolicyOnEveryBucketArnIsTakenAndInForce() throws Exception {
        try (S3Client s3 = store.s3(store.admin)) {
            s3.putBucketPolicy(b -> b.bucket("downloads").policy("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                      "Action": "s3:ListBucket", "Resource": ["arn:aws:s3:::*", "arn:aws:s3:::down*"]}]}"""));
        }
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(store.uri().resolve(
                "/downloads?list-type=2")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("<Key>catalog.pdf</Key>");
    }

    @Test
    void aBucketPolicyNamingOnlyAnotherBucketIsStillRefused() {
        try (S3Client s3 = store.s3(store.admin)) {
            assertThatThrownBy(() -> s3.putBucketPolicy(b -> b.bucket("downloads").policy("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                      "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::*/*", "arn:aws:s3:::uploads/*"]}]}""")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Policy has invalid resource");
                    });
        }
    }
}
