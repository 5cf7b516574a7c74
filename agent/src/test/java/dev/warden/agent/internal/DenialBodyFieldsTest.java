package dev.warden.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.bootstrap.Dispatch;
import dev.warden.filter.error.AwsError;
import dev.warden.filter.error.ErrorBody;
import dev.warden.filter.route.Protocol;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client reads one denial shape from Warden: the agent's 403 has the same JSON fields as {@code WardenFilter}'s
 * JSON-protocol error ({@code __type}, {@code message}; AWS's JSON protocol), the same {@code __type} and the same
 * {@code x-amzn-ErrorType} header. Both are written by the real code into real responses of one Jetty server.
 */
class DenialBodyFieldsTest {

    private static final String MESSAGE = "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: "
            + "orders:GetOrder on resource: arn:aws:orders:us-east-1:111122223333:order/7 because no identity-based "
            + "policy allows the orders:GetOrder action";

    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;
    private int port;

    @BeforeEach
    void startServer() throws Exception {
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                ErrorBody.write(response, Protocol.JSON, new AwsError(403, "AccessDenied", MESSAGE), "request-1",
                        null);
            }
        }), "/filter");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                try {
                    DenialResponses.answer(new Dispatch(Dispatch.Kind.SERVLET, request, response), MESSAGE);
                } catch (ReflectiveOperationException e) {
                    throw new IOException(e);
                }
            }
        }), "/agent");
        server.setHandler(context);
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fieldNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theAgentsDenialHasTheFiltersFieldsTypeAndHeader() throws Exception {
        HttpResponse<String> filter = get("/filter");
        HttpResponse<String> agent = get("/agent");

        JsonNode filterBody = new ObjectMapper().readTree(filter.body());
        JsonNode agentBody = new ObjectMapper().readTree(agent.body());
        assertThat(fieldNames(filterBody)).containsExactly("__type", "message");
        assertThat(fieldNames(agentBody)).isEqualTo(fieldNames(filterBody));
        assertThat(agentBody).isEqualTo(filterBody);
        assertThat(agent.statusCode()).isEqualTo(filter.statusCode()).isEqualTo(403);
        assertThat(agent.headers().firstValue("x-amzn-ErrorType"))
                .isEqualTo(filter.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
    }
}
