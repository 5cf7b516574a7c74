package dev.warden.filter.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.core.Warden;
import dev.warden.core.store.FailingReadsStore;
import dev.warden.core.store.FileDirectoryStore;
import dev.warden.filter.LocalJetty;
import dev.warden.spi.DirectoryStore;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /healthz} on a real Jetty: 200 with {@code ok}, 200 with {@code degraded} and the unreadable document's
 * file, JSON pointer and reason, and 503 with {@code failing} while the store cannot be read, as load balancers
 * expect.
 */
class HealthServletTest {

    private static final String ACCOUNT = "111122223333";
    private static final String OPS = "accounts/111122223333/groups/ops.json";

    @TempDir
    Path root;

    private static Warden open(DirectoryStore store) throws Exception {
        return Warden.builder().store(store).audit(false, 0).serviceLoaderListeners(false)
                .meterRegistry(new SimpleMeterRegistry()).build();
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri.resolve("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_healthy_warden_answers_200_ok() throws Exception {
        try (Warden warden = open(FileDirectoryStore.open(root));
             LocalJetty server = new LocalJetty(Map.of("/healthz", new HealthServlet(warden)))) {
            HttpResponse<String> response = get(server.uri());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("ok");
            assertThat(body.get("store").get("readable").asBoolean()).isTrue();
            assertThat(body.get("store").get("writable").asBoolean()).isTrue();
            assertThat(body.get("unreadableDocuments")).isEmpty();
            assertThat(body.get("decisionErrors").asLong()).isZero();
        }
    }

    @Test
    void a_warden_with_an_unreadable_document_answers_200_degraded_naming_it() throws Exception {
        try (Warden setup = open(FileDirectoryStore.open(root))) {
            setup.iam().createAccount(ACCOUNT, null);
            setup.iam().call(Principal.of("arn:aws:iam::111122223333:root"), ACCOUNT, "CreateGroup",
                    Map.of("GroupName", "ops"));
        }
        Files.writeString(root.resolve(OPS), "{\"groupName\": ");

        try (Warden warden = open(FileDirectoryStore.open(root));
             LocalJetty server = new LocalJetty(Map.of("/healthz", new HealthServlet(warden)))) {
            HttpResponse<String> response = get(server.uri());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("degraded");
            JsonNode document = body.get("unreadableDocuments").get(0);
            assertThat(document.get("path").asText()).isEqualTo(OPS);
            assertThat(document.get("pointer").asText()).isEqualTo("/");
            assertThat(document.get("reason").asText()).startsWith("invalid JSON: ");
            assertThat(document.get("principalsDenied").asBoolean()).isTrue();
            assertThat(body.get("lastReloadFailure").get("message").asText()).startsWith(OPS + " at /: invalid JSON");
        }
    }

    @Test
    void a_warden_whose_store_cannot_be_read_answers_503_failing() throws Exception {
        FailingReadsStore store = new FailingReadsStore();
        try (Warden warden = open(store);
             LocalJetty server = new LocalJetty(Map.of("/healthz", new HealthServlet(warden)))) {
            store.failing(true);
            store.changed(Set.of());

            HttpResponse<String> response = get(server.uri());

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("failing");
            assertThat(body.get("store").get("readable").asBoolean()).isFalse();
            assertThat(body.get("store").get("readFailure").get("message").asText())
                    .isEqualTo(FailingReadsStore.FAILURE);
        }
    }
}
