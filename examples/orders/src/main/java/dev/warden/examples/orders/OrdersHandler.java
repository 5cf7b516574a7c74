package dev.warden.examples.orders;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /orders}: {@code GET} lists, {@code POST} (form-encoded {@code item} and {@code quantity}) creates;
 * {@code /orders/ID}: {@code GET} reads, {@code DELETE} removes. It knows nothing of authorization: under the agent, a
 * denied service call throws out of {@link #handle}, and the agent answers 403.
 */
final class OrdersHandler implements HttpHandler {

    private static final int MAX_BODY = 4096;

    private final OrderService orders;

    OrdersHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                if (path.equals("/orders") || path.equals("/orders/")) {
                    switch (method) {
                        case "GET" -> send(exchange, 200, orders.listOrders().stream().map(Order::toJson)
                                .collect(Collectors.joining(",", "[", "]")));
                        case "POST" -> send(exchange, 201, orders.createOrder(newOrder(exchange)).toJson());
                        default -> error(exchange, 405, "MethodNotAllowed", method + " is not allowed on /orders");
                    }
                } else if (path.startsWith("/orders/") && path.indexOf('/', "/orders/".length()) < 0) {
                    String id = path.substring("/orders/".length());
                    switch (method) {
                        case "GET" -> {
                            Optional<Order> order = orders.getOrder(id);
                            if (order.isPresent()) {
                                send(exchange, 200, order.get().toJson());
                            } else {
                                error(exchange, 404, "NoSuchOrder", "no order " + id);
                            }
                        }
                        case "DELETE" -> {
                            if (orders.deleteOrder(id)) {
                                exchange.sendResponseHeaders(204, -1);
                            } else {
                                error(exchange, 404, "NoSuchOrder", "no order " + id);
                            }
                        }
                        default -> error(exchange, 405, "MethodNotAllowed", method + " is not allowed on an order");
                    }
                } else {
                    error(exchange, 404, "NotFound", "no such path: " + path);
                }
            } catch (IllegalArgumentException e) {
                error(exchange, 400, "InvalidRequest", e.getMessage());
            }
        }
    }

    private static NewOrder newOrder(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("the form is larger than " + MAX_BODY + " bytes");
        }
        Map<String, String> form = new HashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.isEmpty() ? new String[0] : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("form fields are name=value: '" + pair + "'");
            }
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        int quantity;
        try {
            quantity = Integer.parseInt(form.getOrDefault("quantity", "1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quantity must be a number");
        }
        String owner = exchange.getPrincipal() == null ? "anonymous" : exchange.getPrincipal().getUsername();
        return new NewOrder(owner, form.get("item"), quantity);
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, "{\"error\":" + Json.string(code) + ",\"message\":" + Json.string(message) + "}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
