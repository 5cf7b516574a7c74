package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object store's {@code /healthz} is Warden's health, unauthenticated: {@code ok} on a sound store, and
 * {@code degraded}, naming the file, once a store document cannot be read.
 */
class ObjectStoreHealthTest {

    @TempDir
    Path dir;

    private static JsonNode health(RunningObjectStore store) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(store.uri().resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void healthz_reports_an_unreadable_store_document() throws Exception {
        try (RunningObjectStore store = new RunningObjectStore(dir)) {
            assertThat(health(store).get("status").asText()).isEqualTo("ok");

            Path admin = dir.resolve("store/accounts/" + FirstStart.ACCOUNT + "/users/admin.json");
            Files.writeString(admin, "{");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (health(store).get("status").asText().equals("ok") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            JsonNode degraded = health(store);
            assertThat(degraded.get("status").asText()).isEqualTo("degraded");
            assertThat(degraded.get("unreadableDocuments").get(0).get("path").asText())
                    .isEqualTo("accounts/" + FirstStart.ACCOUNT + "/users/admin.json");
        }
    }
}
