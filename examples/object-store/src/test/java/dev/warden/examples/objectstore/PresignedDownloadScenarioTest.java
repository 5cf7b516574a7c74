package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** A download link: a presigned GetObject URL that anyone holding it may use, until it expires. */
class PresignedDownloadScenarioTest {

    @TempDir
    Path dir;
    RunningObjectStore store;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("downloads", "setup.exe");
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void aPresignedLinkDownloadsWithoutCredentialsUntilItExpires() throws Exception {
        URI link;
        try (S3Presigner presigner = store.presigner(store.admin)) {
            link = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofSeconds(2))
                    .getObjectRequest(g -> g.bucket("downloads").key("setup.exe"))).url().toURI();
        }
        HttpResponse<String> fresh = http.send(HttpRequest.newBuilder(link).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body()).isEqualTo("setup.exe");

        Thread.sleep(3_000);
        HttpResponse<String> expired = http.send(HttpRequest.newBuilder(link).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>", "Request has expired");
    }

    @Test
    void aPresignedLinkIsForThatObjectOnly() throws Exception {
        URI link;
        try (S3Presigner presigner = store.presigner(store.admin)) {
            link = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("downloads").key("setup.exe"))).url().toURI();
        }
        URI other = URI.create(link.toString().replace("/setup.exe?", "/other.exe?"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(other).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }
}
