package dev.warden.cli;

import dev.warden.core.Warden;
import dev.warden.filter.health.HealthServlet;
import dev.warden.filter.query.QueryApiServlet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warden serve --store DIR --port P}: the IAM and STS Query endpoints over a store, for the AWS CLI and SDKs
 * ({@code aws --endpoint-url http://127.0.0.1:P iam list-users}), and {@code GET /healthz} ({@link HealthServlet}).
 * Runs until stopped; the store may be changed by the CLI meanwhile (the running server picks changes up).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the IAM and STS Query APIs over a store for the AWS CLI and SDKs.", "",
            "  warden serve --store warden-data --port 9000",
            "  aws --endpoint-url http://127.0.0.1:9000 iam list-users"})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "warden-data", description = "The store folder (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--port", paramLabel = "P", defaultValue = "9000", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Override
    public Integer call() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Warden warden = LocalStore.builder(store).meterRegistry(registry).build()) {
            Server server = start(warden, registry, bind, port);
            server.setStopAtShutdown(true);
            String url = "http://" + bind + ":" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Warden IAM and STS endpoints on " + url + " (store " + store.toAbsolutePath().normalize() + ")");
            out.println("  aws --endpoint-url " + url + " iam list-users");
            out.println("  aws --endpoint-url " + url + " sts get-caller-identity");
            out.flush();
            server.join();
            return 0;
        }
    }

    /** Jetty serving {@code warden}'s IAM and STS on {@code bind}:{@code port} (0: any free port), started. */
    static Server start(Warden warden, io.micrometer.core.instrument.MeterRegistry registry, String bind, int port)
            throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setHeaderCacheCaseSensitive(true);   // SigV4 signs header values exactly as sent
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(bind);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new QueryApiServlet(warden, registry)), "/*");
        context.addServlet(new ServletHolder(new HealthServlet(warden)), "/healthz");
        server.setHandler(context);
        server.start();
        return server;
    }
}
