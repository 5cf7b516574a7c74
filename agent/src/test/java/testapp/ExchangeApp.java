package testapp;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warden.spi.RequestContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A JDK {@code HttpServer} application that knows nothing of Warden but its annotations: {@code GET /orders/ID}, for
 * HTTP Basic users whose password is their name, calls the enforced {@link Orders#getOrder}. With the argument
 * {@code bind} the handler binds the user as a {@code RequestContext} itself (the {@code request-context} source);
 * without it the agent's {@code http-server} source reads the exchange's user. Its handler closes the exchange on the
 * way out, as handlers commonly do. Prints {@code port N} when it listens.
 */
public final class ExchangeApp {

    private ExchangeApp() {
    }

    public static void main(String[] args) throws IOException {
        boolean bind = args.length > 0 && args[0].equals("bind");
        Orders orders = new Orders();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpContext context = server.createContext("/orders/", exchange -> {
            try (exchange) {
                String id = exchange.getRequestURI().getPath().substring("/orders/".length());
                String user = exchange.getPrincipal().getUsername();
                if (bind) {
                    try (RequestContext.Scope ignored = RequestContext.bind(Steps.context(user))) {
                        send(exchange, orders.getOrder(id));
                    }
                } else {
                    send(exchange, orders.getOrder(id));
                }
            }
        });
        context.setAuthenticator(new BasicAuthenticator("orders") {
            @Override
            public boolean checkCredentials(String user, String password) {
                return user.equals(password);
            }
        });
        server.start();
        System.out.println("port " + server.getAddress().getPort());
    }

    private static void send(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
