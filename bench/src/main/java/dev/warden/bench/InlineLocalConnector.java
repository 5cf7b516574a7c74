package dev.warden.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/**
 * Jetty's in-process {@link LocalConnector}, arranged so that a request costs what Jetty's own code costs and no
 * thread hand-off: one kept-alive connection, whose requests Jetty parses, dispatches and answers on the calling
 * thread. {@code LocalConnector.getResponse} opens a new connection per call and hands it to the acceptor thread and
 * then to a pool thread: measured here at about 40 µs per trivial request, mostly scheduler wake-ups that swamped
 * the difference the benchmark is after (this arrangement: about 7 µs). Jetty itself runs a request on the thread
 * that read it when it can (its adaptive execution strategy), so this is not an unusual path through the server.
 * One caller thread at a time.
 */
final class InlineLocalConnector {

    private final LocalConnector connector;
    private final InlineOnceStarted executor = new InlineOnceStarted();
    private LocalConnector.LocalEndPoint endPoint;

    InlineLocalConnector(Server server) {
        connector = new LocalConnector(server, executor, null, null, 1, new HttpConnectionFactory());
    }

    LocalConnector connector() {
        return connector;
    }

    /** Call once the server has started: from now on the connector's work runs on the caller's thread. */
    void open() {
        executor.inline = true;
        endPoint = connector.connect();
    }

    /** Sends one request on the kept-alive connection and returns the whole response (head and body). */
    ByteBuffer exchange(byte[] request) throws Exception {
        endPoint.addInputAndExecute(ByteBuffer.wrap(request));
        ByteBuffer response = endPoint.waitForResponse(false, 10, TimeUnit.SECONDS);
        if (response == null) {
            throw new IllegalStateException("no response within 10 s");
        }
        return response;
    }

    /**
     * Runs tasks on a thread of their own while the server starts (the connector's acceptor loop never returns), and
     * on the caller's thread afterwards (the connection's reads and the request).
     */
    private static final class InlineOnceStarted implements Executor {
        volatile boolean inline;

        @Override
        public void execute(Runnable task) {
            if (inline) {
                task.run();
                return;
            }
            Thread thread = new Thread(task, "local-connector-acceptor");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
