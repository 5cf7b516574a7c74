package dev.warden.examples.objectstore;

import dev.warden.core.Warden;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.store.FileDirectoryStore;
import dev.warden.examples.objectstore.access.BucketPolicies;
import dev.warden.examples.objectstore.s3.S3PathCompliance;
import dev.warden.examples.objectstore.s3.S3Servlet;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.filter.WardenFilter;
import dev.warden.filter.health.HealthServlet;
import dev.warden.filter.query.QueryApiRouting;
import dev.warden.filter.query.QueryApiServlet;
import dev.warden.filter.route.RouteTableFile;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The object store, wired: Jetty 12 on one port serving, in this order, Warden's IAM and STS Query endpoints (for
 * requests signed for {@code iam} or {@code sts}), then {@link WardenFilter} with the route table in front of the
 * S3 protocol, {@code /metrics} (Prometheus) and {@code /healthz} ({@link HealthServlet}). Nothing but the filter and its route table decides
 * who may do what.
 */
public final class ObjectStoreApp implements AutoCloseable {

    /**
     * The Region the store serves: S3 requests must be signed for it (another is refused as S3 refuses it), and it is
     * their {@code aws:RequestedRegion}; IAM is signed for {@code us-east-1}, STS for this Region or us-east-1.
     */
    public static final String REGION = "us-east-1";

    private final Warden warden;
    private final Server server;
    private final URI uri;
    private final FirstStart.AdminKey createdAdmin;

    private ObjectStoreApp(Warden warden, Server server, URI uri, FirstStart.AdminKey admin) {
        this.warden = warden;
        this.server = server;
        this.uri = uri;
        this.createdAdmin = admin;
    }

    /** How to start one. */
    public record Options(String bind, int port, Path store, Path data, Path routes, Clock clock) {
        public Options {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(data, "data");
            clock = clock == null ? Clock.systemUTC() : clock;
        }
    }

    /**
     * Opens the store (creating the first account and its administrator when it is empty), the objects, the route
     * table ({@code routes}, or the table shipped in the jar when {@code null}), and starts serving.
     */
    public static ObjectStoreApp start(Options options) throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FileDirectoryStore store = FileDirectoryStore.open(options.store()); // read-only on a read-only volume
        Path keyFile = store.root().resolve(".warden").resolve("master.key");
        if (!store.isReadOnly()) {
            Files.createDirectories(keyFile.getParent());
        }
        Warden warden = Warden.builder().store(store).masterKey(MasterKey.fromEnvironmentOrFile(keyFile))
                .meterRegistry(registry).clock(options.clock()).build();
        try {
            FirstStart.AdminKey admin = FirstStart.ensureAccount(warden).orElse(null);
            ObjectStore objects = ObjectStore.open(options.data().resolve("objects"), options.clock());
            Path routes = options.routes() != null ? options.routes() : ShippedRoutes.extract(options.data());
            RouteTableFile table = RouteTableFile.open(routes, Duration.ofSeconds(1), options.clock());
            WardenFilter filter = WardenFilter.builder(warden).routes(table)
                    .resourcePolicies(new BucketPolicies(objects)).signingService("s3").region(REGION)
                    .clock(options.clock()).meterRegistry(registry).build();
            Server server = new Server();
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            // SigV4 signs header values as sent; Jetty's header cache would otherwise hand over a cached field whose
            // value differs in case ("charset=UTF-8" arriving as "charset=utf-8") and break the signature
            http.setHeaderCacheCaseSensitive(true);
            S3PathCompliance.apply(http);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(options.bind());
            connector.setPort(options.port());
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler();
            S3PathCompliance.apply(context);
            context.addFilter(new FilterHolder(new QueryApiRouting(new QueryApiServlet(warden, registry, REGION))),
                    "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(new S3Servlet(objects, new WardenS3Access(filter))), "/*");
            context.addServlet(new ServletHolder(new MetricsServlet(registry)), "/metrics");
            context.addServlet(new ServletHolder(new HealthServlet(warden)), "/healthz");
            context.setErrorHandler(new S3ErrorHandler());
            server.setErrorHandler(new S3ErrorHandler());
            server.setHandler(context);
            server.start();
            URI uri = URI.create("http://" + options.bind() + ":" + connector.getLocalPort());
            return new ObjectStoreApp(warden, server, uri, admin);
        } catch (Exception | Error e) {
            warden.close();
            throw e;
        }
    }

    /** {@code http://HOST:PORT}. */
    public URI uri() {
        return uri;
    }

    /** The Warden behind it (tests configure users and policies through it). */
    public Warden warden() {
        return warden;
    }

    /** The administrator created at this start, if the store was empty. */
    java.util.Optional<FirstStart.AdminKey> createdAdmin() {
        return java.util.Optional.ofNullable(createdAdmin);
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            warden.close();
        }
    }
}
