package dev.warden.bench;

import static dev.warden.bench.SignedHttp.Connection.KEEP_ALIVE;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The filter under load, over real loopback sockets: {@link FilterJetty} with a {@code ServerConnector} on
 * 127.0.0.1 (an ephemeral port), its default thread pool, and a Warden on the system clock; N client connections
 * ({@link KeepAliveClient}, one thread each, in the same JVM) send GETs, then 64 KiB PUTs, as fast as answers come,
 * to {@code /open} and {@code /guarded} in alternating time slices, so that both mounts see the same machine state
 * (JIT, heap, other load on a shared machine). Each connection signs its requests once, with the real clock: a SigV4
 * signature is good for 15 minutes, and the filter's key cache is warm after the first request anyway.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.warden.bench.FilterLoadTest --seconds 30 --connections 16
 * </pre>
 *
 * Options: {@code --seconds} per mount and operation (default 30), {@code --connections} (16), {@code --slice}
 * seconds per alternation (5), {@code --warmup} seconds per mount and operation, not counted (5),
 * {@code --put-bytes} (65536), {@code --put-payload} {@code unsigned} (default: UNSIGNED-PAYLOAD) or {@code signed}
 * (the body's SHA-256 in {@code x-amz-content-sha256}, checked by the filter as the servlet reads), {@code --ops}
 * ({@code GET,PUT}), {@code --app} {@code plain} (a servlet that does nothing: the filter's worst case) or
 * {@code object-store} (the example's S3 servlet over a store in a temporary folder: GETs read a 4 KiB object, PUTs
 * write and fsync an object). Prints a
 * Markdown table; exits 1 if any request failed.
 */
public final class FilterLoadTest {

    /** The command line. */
    record Options(int seconds, int connections, int slice, int warmup, int putBytes, boolean signedPut,
                   List<String> ops, String app) {
        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("an option without a value: " + args[args.length - 1]);
            }
            Options options = new Options(intOption(given, "seconds", 30), intOption(given, "connections", 16),
                    intOption(given, "slice", 5), intOption(given, "warmup", 5), intOption(given, "put-bytes", 65_536),
                    "signed".equals(given.remove("put-payload")),
                    List.of(given.getOrDefault("ops", "GET,PUT").toUpperCase(Locale.ROOT).split(",")),
                    given.getOrDefault("app", "plain"));
            given.remove("ops");
            given.remove("app");
            if (!options.app().equals("plain") && !options.app().equals("object-store")) {
                throw new IllegalArgumentException("--app is plain or object-store, not " + options.app());
            }
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown options: " + given.keySet());
            }
            return options;
        }

        private static int intOption(Map<String, String> given, String name, int fallback) {
            String value = given.remove(name);
            return value == null ? fallback : Integer.parseInt(value);
        }
    }

    /** One operation against one mount: what each connection sends. */
    record Target(String op, String mount) {
    }

    private FilterLoadTest() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        byte[] body = new byte[options.putBytes()];
        ThreadLocalRandom.current().nextBytes(body);
        try (FilterSetup setup = FilterSetup.create(Clock.systemUTC());
             FilterJetty jetty = new FilterJetty(setup.filter(), server -> {
                 ServerConnector connector = new ServerConnector(server);
                 connector.setHost("127.0.0.1");
                 connector.setPort(0);
                 return connector;
             }, app(options))) {
            int port = ((ServerConnector) jetty.server().getConnectors()[0]).getLocalPort();
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            System.out.printf(Locale.ROOT, "# FilterLoadTest: %s, %d cores, %s%n", options,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
            Map<Target, LoadSample.Summary> results = new LinkedHashMap<>();
            for (String op : options.ops()) {
                Target open = new Target(op, FilterSetup.OPEN);
                Target guarded = new Target(op, FilterSetup.GUARDED);
                Runner runner = new Runner(setup, address, options, body);
                // warm-up: JIT, pools, key and policy caches; not counted
                runner.run(open, options.warmup() * 1_000L, new LoadSample());
                runner.run(guarded, options.warmup() * 1_000L, new LoadSample());
                LoadSample openSample = new LoadSample();
                LoadSample guardedSample = new LoadSample();
                long openHeap = 0;
                long guardedHeap = 0;
                for (int done = 0; done < options.seconds(); done += options.slice()) {
                    long millis = Math.min(options.slice(), options.seconds() - done) * 1_000L;
                    runner.run(open, millis, openSample);
                    openHeap = heapAfterGc();
                    runner.run(guarded, millis, guardedSample);
                    guardedHeap = heapAfterGc();
                }
                results.put(open, openSample.summary(openHeap));
                results.put(guarded, guardedSample.summary(guardedHeap));
            }
            print(results, options);
            long errors = results.values().stream().mapToLong(LoadSample.Summary::errors).sum();
            System.exit(errors == 0 ? 0 : 1);
        }
    }

    /** Drives {@code connections} threads against one target for a bounded time. */
    private record Runner(FilterSetup setup, InetSocketAddress address, Options options, byte[] body) {

        void run(Target target, long millis, LoadSample into) throws InterruptedException {
            CountDownLatch ready = new CountDownLatch(options.connections());
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            long[] deadline = new long[1];
            for (int c = 0; c < options.connections(); c++) {
                Thread thread = new Thread(() -> connection(target, ready, go, deadline, into), "load-" + c);
                threads.add(thread);
                thread.start();
            }
            ready.await();
            long start = System.nanoTime();
            deadline[0] = start + millis * 1_000_000L;
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            into.elapsed(System.nanoTime() - start);
        }

        private void connection(Target target, CountDownLatch ready, CountDownLatch go, long[] deadline,
                                LoadSample into) {
            URI uri = URI.create("http://" + address.getHostString() + ":" + address.getPort() + target.mount()
                    + (target.op().equals("GET") ? FilterSetup.GET_PATH : FilterSetup.PUT_PATH));
            byte[] request = target.op().equals("GET")
                    ? SignedHttp.get(setup.alice(), uri, Instant.now(), KEEP_ALIVE)
                    : SignedHttp.put(setup.alice(), uri, body, Instant.now(), options.signedPut(), KEEP_ALIVE);
            LoadSample mine = new LoadSample();
            try (KeepAliveClient client = new KeepAliveClient(address)) {
                ready.countDown();
                go.await();
                long end = deadline[0];
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        if (client.exchange(request) != 200) {
                            mine.error();
                            continue;
                        }
                    } catch (java.io.IOException e) {
                        mine.error();
                        client.close();
                        continue;
                    }
                    mine.add(System.nanoTime() - sent);
                }
            } catch (Exception e) {
                mine.error();
            }
            into.merge(mine);
        }
    }

    /** What each mount serves: nothing, or the object store's S3 protocol over a fresh store. */
    private static java.util.function.Supplier<jakarta.servlet.http.HttpServlet> app(Options options)
            throws java.io.IOException {
        if (options.app().equals("plain")) {
            return PlainServlet::new;
        }
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("warden-load-objects");
        dev.warden.examples.objectstore.storage.ObjectStore store =
                dev.warden.examples.objectstore.storage.ObjectStore.open(dir, Clock.systemUTC());
        try {
            String[] path = FilterSetup.GET_PATH.substring(1).split("/", 2);
            store.createBucket(path[0], Policies.ACCOUNT, "us-east-1",
                    dev.warden.examples.objectstore.storage.CannedAcl.PRIVATE);
            byte[] object = new byte[4096];
            ThreadLocalRandom.current().nextBytes(object);
            store.put(path[0], path[1], new java.io.ByteArrayInputStream(object),
                    dev.warden.examples.objectstore.storage.ObjectHeaders.NONE, null);
        } catch (dev.warden.examples.objectstore.storage.StoreException e) {
            throw new java.io.IOException(e.getMessage(), e);
        }
        dev.warden.examples.objectstore.s3.S3Access access =
                dev.warden.examples.objectstore.s3.S3Access.trusting(Policies.ACCOUNT);
        return () -> new dev.warden.examples.objectstore.s3.S3Servlet(store, access);
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void print(Map<Target, LoadSample.Summary> results, Options options) {
        System.out.println();
        System.out.println("| op | mount | requests | req/s | vs open | p50 µs | p99 µs | errors | heap after GC |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        LoadSample.Summary open = null;
        for (Map.Entry<Target, LoadSample.Summary> entry : results.entrySet()) {
            LoadSample.Summary s = entry.getValue();
            boolean isOpen = entry.getKey().mount().equals(FilterSetup.OPEN);
            if (isOpen) {
                open = s;
            }
            String ratio = isOpen || open == null ? "1" : String.format(Locale.ROOT, "%.1f %%",
                    100 * s.perSecond() / open.perSecond());
            String op = (options.app().equals("plain") ? "" : options.app() + " ")
                    + (entry.getKey().op().equals("PUT")
                    ? "PUT " + options.putBytes() / 1024 + " KiB" + (options.signedPut() ? " signed" : " unsigned")
                    : "GET");
            System.out.printf(Locale.ROOT, "| %s | `%s` | %,d | %,.0f | %s | %.0f | %.0f | %d | %.0f MiB |%n", op,
                    entry.getKey().mount(), s.requests(), s.perSecond(), ratio, s.p50Micros(), s.p99Micros(),
                    s.errors(), s.heapBytes() / 1048576.0);
        }
    }
}
