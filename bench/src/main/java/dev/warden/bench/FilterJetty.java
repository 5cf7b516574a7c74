package dev.warden.bench;

import dev.warden.filter.WardenFilter;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.function.Function;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * One Jetty 12 server with the same application servlet ({@link PlainServlet}, or the object store's S3 servlet)
 * mounted twice: at {@link FilterSetup#OPEN} as it is, and at
 * {@link FilterSetup#GUARDED} behind {@link WardenFilter}. Both contexts share the connector, the thread pool and the
 * JIT's state, so an open request is the guarded one's baseline in the same process.
 */
final class FilterJetty implements AutoCloseable {

    private final Server server = new Server();

    /**
     * Starts the server with the connector {@code connector} makes for it.
     */
    <C extends Connector> FilterJetty(WardenFilter filter, Function<Server, C> connector) throws Exception {
        this(filter, connector, PlainServlet::new);
    }

    /** Starts the server with {@code app} making each mount's servlet. */
    <C extends Connector> FilterJetty(WardenFilter filter, Function<Server, C> connector,
                                      java.util.function.Supplier<? extends jakarta.servlet.http.HttpServlet> app)
            throws Exception {
        server.addConnector(connector.apply(server));
        ServletContextHandler open = new ServletContextHandler(FilterSetup.OPEN);
        open.addServlet(new ServletHolder(app.get()), "/*");
        ServletContextHandler guarded = new ServletContextHandler(FilterSetup.GUARDED);
        guarded.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        guarded.addServlet(new ServletHolder(app.get()), "/*");
        server.setHandler(new ContextHandlerCollection(open, guarded));
        server.start();
    }

    Server server() {
        return server;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
