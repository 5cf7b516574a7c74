package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** With {@link S3PathCompliance}, raw paths Jetty would call ambiguous reach the servlet as the keys they encode. */
class S3PathComplianceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a%2Fb|a/b", "a//b|a//b", "a%5Cb|a\\b", "a;b|a;b",
        "a%25b|a%b", "a+b|a+b", "a%20b|a b"})
    void ambiguousPathsAreDecodedOnceIntoKeys(String rawKey, String key) throws Exception {
        try (S3Fixture fixture = new S3Fixture()) {
            fixture.s3.createBucket(b -> b.bucket("paths"));

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(fixture.uri + "/paths/" + rawKey)).PUT(HttpRequest.BodyPublishers.ofString("x"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(fixture.store.find("paths", key)).isPresent();
        }
    }
}
