package dev.warden.filter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real Jetty on 127.0.0.1 with an ephemeral port, serving servlets by path spec, for end-to-end tests. */
public final class LocalJetty implements AutoCloseable {

    private final Server server = new Server();
    private final URI uri;

    /** Starts Jetty with {@code servlets} mounted at their path specs ({@code "/*"}, {@code "/creds"}). */
    public LocalJetty(Map<String, HttpServlet> servlets) throws Exception {
        this(servlets, List.of());
    }

    /** Starts Jetty with {@code filters} (in order, on every path) in front of {@code servlets}. */
    public LocalJetty(Map<String, HttpServlet> servlets, List<Filter> filters) throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        http.setHeaderCacheCaseSensitive(true);   // SigV4 needs header values exactly as sent
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        for (Filter filter : filters) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        servlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
        server.start();
        uri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
