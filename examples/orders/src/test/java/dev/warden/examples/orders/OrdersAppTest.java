package dev.warden.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The application on its own, without the agent: every endpoint works, for any signed-in demo user. */
class OrdersAppTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private OrdersApp app;

    @BeforeEach
    void start() throws Exception {
        app = OrdersApp.start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> send(String method, String path, String user, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signingInIsRequired() throws Exception {
        assertThat(send("GET", "/orders/1", null, null).statusCode()).isEqualTo(401);
        HttpRequest wrongPassword = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/orders"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bob:alice".getBytes()))
                .build();
        assertThat(http.send(wrongPassword, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutTheAgentEveryUserReadsCreatesAndDeletes() throws Exception {
        assertThat(send("GET", "/orders", "bob", null).body()).startsWith("[{\"id\":\"1\",\"owner\":\"alice\"");
        assertThat(send("GET", "/orders/2", "bob", null).body())
                .isEqualTo("{\"id\":\"2\",\"owner\":\"bob\",\"item\":\"monitor\",\"quantity\":2,\"status\":\"open\"}");

        HttpResponse<String> created = send("POST", "/orders", "bob", "item=desk+lamp&quantity=2");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo(
                "{\"id\":\"4\",\"owner\":\"bob\",\"item\":\"desk lamp\",\"quantity\":2,\"status\":\"open\"}");

        assertThat(send("DELETE", "/orders/4", "bob", null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/orders/4", "bob", null).statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsGetPreciseErrors() throws Exception {
        assertThat(send("GET", "/orders/99", "alice", null).body()).contains("\"NoSuchOrder\"", "no order 99");
        assertThat(send("DELETE", "/orders/99", "alice", null).statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/orders/1", "alice", "x=1").statusCode()).isEqualTo(405);
        assertThat(send("PATCH", "/orders", "alice", "x=1").statusCode()).isEqualTo(405);
        assertThat(send("GET", "/orders/1/items", "alice", null).statusCode()).isEqualTo(404);
        HttpResponse<String> noItem = send("POST", "/orders", "alice", "quantity=2");
        assertThat(noItem.statusCode()).isEqualTo(400);
        assertThat(noItem.body()).contains("item must be 1 to 200 characters");
        assertThat(send("POST", "/orders", "alice", "item=pen&quantity=many").body())
                .contains("quantity must be a number");
        assertThat(send("POST", "/orders", "alice", "item=pen&quantity=0").body())
                .contains("quantity must be 1 to 1000");
    }

    @Test
    void optionsAreCheckedBeforeListening() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(OrdersApp.run(new String[] {"--port", "http"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--port must be 0 to 65535, not 'http'");
        assertThat(OrdersApp.run(new String[] {"--prot", "1"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown option '--prot'");
        assertThat(OrdersApp.run(new String[] {"--help"}, new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString()).contains("usage: java -jar orders.jar [--port P]");
    }
}
