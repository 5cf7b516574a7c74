package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapp.ServletApp;

/**
 * The {@code servlet} principal source in a real container (Jetty 12, in a child JVM): the agent weaves
 * {@code HttpServlet.service}, reads the signed-in user of the request being served, and answers a denial that
 * escapes the servlet with 403 and AWS's JSON error.
 */
class ServletPrincipalSourceTest {

    @TempDir
    static Path folder;

    private static ChildJvm.Running app;
    private static int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        StoreFixture.aliceGetsOrdersBobNothing(folder.resolve("store"));
        Path config = folder.resolve("warden-agent.json");
        Files.writeString(config, """
                {"store": "store", "principal": {"source": "servlet",
                 "arn": "arn:aws:iam::111122223333:user/{name}"}}""");
        app = ChildJvm.java().agent(config).applicationClassPath(ChildJvm.jetty()).start(ServletApp.class);
        String line = app.awaitLine(0, l -> l.startsWith("port "), ChildJvm.TIMEOUT);
        port = Integer.parseInt(line.substring("port ".length()).trim());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSignedInUserIsTheCaller() throws Exception {
        HttpResponse<String> response = get("/orders/7", "X-User", "alice");

        assertThat(response.statusCode()).as(app.toString()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("order 7");
    }

    @Test
    void aDenialEscapingTheServletIsA403WithAwsMessage() throws Exception {
        HttpResponse<String> response = get("/orders/7", "X-User", "bob");

        assertThat(response.statusCode()).as(app.toString()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"__type\":\"AccessDeniedException\",\"message\":\"User: "
                + "arn:aws:iam::111122223333:user/bob is not authorized to perform: orders:GetOrder on resource: "
                + "arn:aws:orders:us-east-1:111122223333:order/7 because no identity-based policy allows the "
                + "orders:GetOrder action\"}");
    }

    @Test
    void aRequestWithoutASignedInUserIsDenied() throws Exception {
        HttpResponse<String> response = get("/orders/7");

        assertThat(response.statusCode()).as(app.toString()).isEqualTo(403);
        assertThat(response.body()).contains("User: anonymous is not authorized to perform: orders:GetOrder",
                "because the call is made for no principal");
        // why there was none is the application's log, not the caller's business
        app.awaitStderr("the servlet request has no user", Duration.ofSeconds(10));
    }

    @Test
    void theRequestDoesNotOutliveItsDispatch() throws Exception {
        // a pool thread that served alice must not serve the next, anonymous request as alice
        for (String user : Arrays.asList("alice", null, "alice", null)) {
            HttpResponse<String> response = user == null ? get("/orders/9") : get("/orders/9", "X-User", user);
            assertThat(response.statusCode()).as(user + "\n" + app).isEqualTo(user == null ? 403 : 200);
        }
    }
}
