package dev.warden.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.store.InMemoryDirectoryStore;
import dev.warden.filter.route.RouteTable;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Principal;
import dev.warden.spi.RequestContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * A real Jetty on 127.0.0.1 (ephemeral port) with {@link WardenFilter} in front of an echo servlet, over a Warden
 * whose clock stands at {@link #NOW}: account 111122223333 with users made on demand. The echo servlet reads the
 * whole body and answers with what the filter told it: the principal, the route, the context keys and the body's
 * digest.
 */
final class FilteredServer implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final Instant NOW = Instant.parse("2026-11-23T14:30:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Warden warden;
    final LocalJetty jetty;
    final WardenFilter filter;
    private final HttpClient http = HttpClient.newHttpClient();

    FilteredServer(String routes, UnaryOperator<WardenFilter.Builder> configure) throws Exception {
        warden = Warden.builder().store(new InMemoryDirectoryStore()).meterRegistry(registry).audit(false, 0)
                .serviceLoaderListeners(false).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .masterKey(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))).build();
        warden.iam().createAccount(ACCOUNT, "example");
        filter = configure.apply(WardenFilter.builder(warden)
                .routes(RouteTable.parse(routes, "test-routes.json")).meterRegistry(registry)).build();
        jetty = new LocalJetty(Map.of("/*", new Echo()), List.of(filter));
    }

    /**
     * A server with {@link FilterAuthorizationTest#ROUTES} and user {@code admin} (AdministratorAccess), whose key
     * {@link #admin} holds.
     */
    static FilteredServer s3WithAdmin() throws Exception {
        FilteredServer server = new FilteredServer(FilterAuthorizationTest.ROUTES, b -> b);
        server.admin = server.user("admin", "arn:aws:iam::aws:policy/AdministratorAccess");
        return server;
    }

    /** The administrator's key of a {@link #s3WithAdmin()} server. */
    AwsBasicCredentials admin;

    /**
     * The head of {@code signed} as it goes on the wire: request line, every signed header but Content-Length, then
     * {@code Content-Length: LENGTH} and {@code extra} (more header lines, each ending in CRLF), and the empty line.
     */
    static String rawHead(String requestLine, SdkRequests.Signed signed, String extra) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
            }
        });
        return head.append("Content-Length: ").append(signed.body().length).append("\r\n").append(extra)
                .append("\r\n").toString();
    }

    ObjectNode root(String action, Map<String, String> params) throws Exception {
        return warden.iam().call(Principal.of("arn:aws:iam::" + ACCOUNT + ":root"), ACCOUNT, action, params);
    }

    /** A user with {@code policyArns} attached and one access key, as SDK credentials. */
    AwsBasicCredentials user(String name, String... policyArns) throws Exception {
        root("CreateUser", Map.of("UserName", name));
        for (String arn : policyArns) {
            root("AttachUserPolicy", Map.of("UserName", name, "PolicyArn", arn));
        }
        return credentials(root("CreateAccessKey", Map.of("UserName", name)));
    }

    /** A new access key of the account's root user (CreateAccessKey by the root user, without a user name). */
    AwsBasicCredentials rootKey() throws Exception {
        return credentials(root("CreateAccessKey", Map.of()));
    }

    private static AwsBasicCredentials credentials(ObjectNode created) {
        return AwsBasicCredentials.create(created.at("/AccessKey/AccessKeyId").asText(),
                created.at("/AccessKey/SecretAccessKey").asText());
    }

    URI uri(String pathAndQuery) {
        return URI.create(jetty.uri() + pathAndQuery);
    }

    /** Sends {@code request} as it is (signed or not) with {@code body}. */
    HttpResponse<String> send(SdkHttpRequest request, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri()).method(request.method().name(),
                body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.forEachHeader((name, values) -> {
            if (!List.of("host", "content-length", "expect", "connection").contains(name.toLowerCase())) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        jetty.close();
        warden.close();
    }

    /** Answers with the bound principal, every context key (sorted), and the body's length and SHA-256. */
    private static final class Echo extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body;
            try (InputStream in = request.getInputStream()) {
                body = in.readAllBytes();
            }
            StringBuilder out = new StringBuilder();
            RequestContext context = RequestContext.current().orElse(null);
            out.append("principal=").append(context == null ? "none" : context.principal().arn()).append('\n');
            out.append("route=").append(WardenFilter.route(request).orElse("none")).append('\n');
            if (context != null) {
                for (Map.Entry<String, ContextValue> key : new TreeMap<>(context.contextKeys()).entrySet()) {
                    out.append(key.getKey()).append('=').append(String.join(",", key.getValue().values())).append('\n');
                }
            }
            out.append("body-length=").append(body.length).append('\n');
            out.append("content-length=").append(request.getContentLengthLong()).append('\n');
            out.append("body-sha256=").append(sha256(body)).append('\n');
            response.setContentType("text/plain");
            response.getOutputStream().write(out.toString().getBytes(StandardCharsets.UTF_8));
        }

        private static String sha256(byte[] body) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
