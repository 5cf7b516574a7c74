package testapp;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/**
 * A Jetty application that knows nothing of Warden but its annotations: a filter plays the container's sign-in
 * (the {@code X-User} header becomes the request's user principal), and a servlet calls the enforced
 * {@link Orders}. Prints {@code port N} when it listens.
 */
public final class ServletApp {

    private ServletApp() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server(new java.net.InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        Filter signIn = (request, response, chain) -> {
            String user = ((HttpServletRequest) request).getHeader("X-User");
            chain.doFilter(user == null ? request : new HttpServletRequestWrapper((HttpServletRequest) request) {
                @Override
                public Principal getUserPrincipal() {
                    return () -> user;
                }
            }, response);
        };
        context.addFilter(new FilterHolder(signIn), "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String id = request.getPathInfo().substring(1);
                response.setContentType("text/plain");
                response.getWriter().print(new Orders().getOrder(id));
            }
        }), "/orders/*");
        server.setHandler(context);
        server.start();
        System.out.println("port " + ((org.eclipse.jetty.server.ServerConnector) server.getConnectors()[0])
                .getLocalPort());
        server.join();
    }
}
