package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapp.ExchangeApp;
import testapp.ServletApp;

/**
 * A denial that ends a request is answered 403 with AWS's JSON error whatever the principal source (the JDK's
 * {@code HttpServer} would otherwise send nothing at all, a servlet container a 500), and what the caller reads never
 * names a file, a class or an exception: a store that fails to load while the application starts is said on the
 * application's standard error, and the caller gets 403 and a plain reason.
 */
class DenialAnswersTest {

    private static final String BOB_DENIED = "{\"__type\":\"AccessDeniedException\",\"message\":\"User: "
            + "arn:aws:iam::111122223333:user/bob is not authorized to perform: orders:GetOrder on resource: "
            + "arn:aws:orders:us-east-1:111122223333:order/7 because no identity-based policy allows the "
            + "orders:GetOrder action\"}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void aliceReadsOrdersBobNothing() throws Exception {
        StoreFixture.aliceGetsOrdersBobNothing(dir.resolve("store"));
    }

    private Path config(String json) throws Exception {
        return Files.writeString(dir.resolve("agent.json"), json);
    }

    private static int port(ChildJvm.Running app) {
        String line = app.awaitLine(0, l -> l.startsWith("port "), ChildJvm.TIMEOUT);
        return Integer.parseInt(line.substring("port ".length()).trim());
    }

    private HttpResponse<String> get(int port, String path, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header(header, value)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDenialInAnHttpServerHandlerIsA403WithTheRequestContextSource() throws Exception {
        Path config = config("""
                {"store": "store"}""");
        try (ChildJvm.Running app = ChildJvm.java().agent(config).applicationClassPath().start(ExchangeApp.class,
                "bind")) {
            int port = port(app);

            assertThat(get(port, "/orders/7", "Authorization", basic("alice")).body()).as(app::toString)
                    .isEqualTo("order 7");
            HttpResponse<String> bob = get(port, "/orders/7", "Authorization", basic("bob"));

            assertThat(bob.statusCode()).as(app::toString).isEqualTo(403);
            assertThat(bob.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
            assertThat(bob.body()).isEqualTo(BOB_DENIED);
        }
    }

    @Test
    void aDenialEscapingAServletIsA403WithTheRequestContextSource() throws Exception {
        Path config = config("""
                {"store": "store"}""");
        try (ChildJvm.Running app = ChildJvm.java().agent(config).applicationClassPath(ChildJvm.jetty())
                .start(ServletApp.class)) {
            // the servlet binds no RequestContext: the call is made for no principal
            HttpResponse<String> response = get(port(app), "/orders/7", "X-User", "alice");

            assertThat(response.statusCode()).as(app::toString).isEqualTo(403);
            assertThat(response.body()).isEqualTo("{\"__type\":\"AccessDeniedException\",\"message\":\"User: "
                    + "anonymous is not authorized to perform: orders:GetOrder because the call is made for no "
                    + "principal\"}");
        }
    }

    @Test
    void aStoreThatFailsToLoadDeniesWithA403NamingNoFileClassOrException() throws Exception {
        // a folder that passes for a store when the agent starts, and fails when the store loads
        Files.writeString(dir.resolve("store/warden-store.json"), "{\"format\": 2}");
        Path config = config("""
                {"store": "store", "principal": {"source": "http-server",
                 "arn": "arn:aws:iam::111122223333:user/{name}"}}""");
        try (ChildJvm.Running app = ChildJvm.java().agent(config).applicationClassPath().start(ExchangeApp.class)) {
            HttpResponse<String> alice = get(port(app), "/orders/7", "Authorization", basic("alice"));

            assertThat(alice.statusCode()).as(app::toString).isEqualTo(403);
            assertThat(alice.body()).isEqualTo("{\"__type\":\"AccessDeniedException\",\"message\":\"Not authorized "
                    + "to perform: orders:GetOrder because the authorization of this call is misconfigured\"}");
            // the application's log says what and where
            String log = app.awaitStderr("testapp.Orders.getOrder(String id)", Duration.ofSeconds(10));
            assertThat(log).contains("store format 2 is not supported", dir.resolve("store").toString());
        }
    }
}
