package dev.warden.examples.orders;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The orders application: {@code java -jar orders.jar [--port P]} serves {@code /orders} on 127.0.0.1 to the demo
 * users. Without the Warden agent nothing is enforced; with it (or after {@code warden-agent.jar attach}), the
 * {@link OrderService} annotations and the config's pointcut are.
 */
public final class OrdersApp {

    private final HttpServer server;
    private final ExecutorService workers;

    private OrdersApp(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts the application on {@code port} (0: any free port). */
    public static OrdersApp start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/orders", new OrdersHandler(new OrderService())).setAuthenticator(new DemoUsers());
        ExecutorService workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.start();
        return new OrdersApp(server, workers);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving. */
    public void stop() {
        server.stop(0);
        workers.shutdownNow();
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
        // the server's threads keep the JVM running until it is stopped
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        int port = 8080;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.println("usage: java -jar orders.jar [--port P]   (P: 0 for any free port; default 8080)");
                    return 0;
                }
                case "--port" -> {
                    if (i + 1 == args.length) {
                        err.println("--port needs a value");
                        return 2;
                    }
                    try {
                        port = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 0 || port > 65535) {
                        err.println("--port must be 0 to 65535, not '" + args[i] + "'");
                        return 2;
                    }
                }
                default -> {
                    err.println("unknown option '" + args[i] + "'; try --help");
                    return 2;
                }
            }
        }
        OrdersApp app;
        try {
            app = start(port);
        } catch (IOException e) {
            err.println("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            return 1;
        }
        out.println("Orders listening on http://127.0.0.1:" + app.port() + "/");
        out.println("Demo users: alice:alice (may read orders), bob:bob (no permissions)");
        out.flush();
        return 0;
    }
}
