package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.ObjectStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * An {@link S3Servlet} over a fresh store in a temporary directory, on a real Jetty on 127.0.0.1 (ephemeral port),
 * with the AWS SDK v2 S3 client pointed at it, each request's operation named from the shipped route table as
 * WardenFilter names it ({@link RouteNamingFilter}). A watching filter records the {@code Content-Encoding} of every
 * request, so tests can prove the SDK sent plain bodies (nothing here decodes {@code aws-chunked}).
 */
final class S3Fixture implements AutoCloseable {

    static final String ACCOUNT = "111122223333";

    final Path dir;
    final ObjectStore store;
    final List<String> contentEncodings = new CopyOnWriteArrayList<>();
    private final Server server = new Server();
    final URI uri;
    final S3Client s3;

    S3Fixture() throws Exception {
        this(S3Access.trusting(ACCOUNT));
    }

    S3Fixture(S3Access access) throws Exception {
        this(Files.createTempDirectory("s3-fixture"), access);
    }

    /** With {@code filter} in front of the servlet (after the watching one). */
    S3Fixture(S3Access access, Filter filter) throws Exception {
        this(Files.createTempDirectory("s3-fixture"), access, filter);
    }

    S3Fixture(Path dir, S3Access access) throws Exception {
        this(dir, access, null);
    }

    private S3Fixture(Path dir, S3Access access, Filter extra) throws Exception {
        this.dir = dir;
        this.store = ObjectStore.open(dir, Clock.systemUTC());
        this.uri = start(server, new S3Servlet(store, access), watch(), extra);
        this.s3 = client(uri);
    }

    /** Another server over the same store, where every caller is {@code account}. */
    static URI serve(Server server, ObjectStore store, S3Access access) throws Exception {
        return start(server, new S3Servlet(store, access));
    }

    /**
     * Starts {@code servlet} at {@code /*}, with the settings {@link S3PathCompliance} gives an S3 endpoint.
     */
    private static URI start(Server server, S3Servlet servlet, Filter... filters) throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        S3PathCompliance.apply(http);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        S3PathCompliance.apply(context);
        context.addFilter(new FilterHolder(new RouteNamingFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        for (Filter filter : filters) {
            if (filter != null) {
                context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
            }
        }
        context.addServlet(new ServletHolder(servlet), "/*");
        server.setHandler(context);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private Filter watch() {
        return (request, response, chain) -> {
            String encoding = ((HttpServletRequest) request).getHeader("Content-Encoding");
            if (encoding != null) {
                contentEncodings.add(encoding.toLowerCase(Locale.ROOT));
            }
            chain.doFilter(request, response);
        };
    }

    static S3Client client(URI uri) {
        return S3Client.builder()
                .endpointOverride(uri)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .build();
    }

    @Override
    public void close() throws Exception {
        s3.close();
        server.stop();
        deleteTree(dir);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
