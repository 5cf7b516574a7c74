package dev.warden.bench;

import static dev.warden.bench.SignedHttp.Connection.KEEP_ALIVE;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code WardenFilter} adds to a request in a real servlet container, without the network: one Jetty 12 with
 * an in-process {@code LocalConnector} (raw HTTP/1.1 bytes in, raw bytes out, no sockets) serving the same trivial
 * servlet at {@code /open} and, behind the filter, at {@code /guarded}, on one kept-alive connection whose requests run
 * on the benchmark's thread (see {@link InlineLocalConnector}). The requests were signed once by the AWS
 * SDK v2's signer at the Warden's fixed clock and are replayed byte for byte; the guarded ones are authenticated
 * (SigV4), mapped by the route table, decided against alice's 100 statements and, for the PUT, hash-checked as the
 * servlet reads the 4 KiB body. {@code guarded_x - open_x} is the filter's cost per request. Each operation checks
 * that the answer is 200, so a refusal can never pass for a fast request. See {@code bench/README.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FilterOverheadBenchmark {

    static final Instant SIGNED_AT = Instant.parse("2026-11-23T15:00:00Z");
    static final int PUT_BYTES = 4096;

    private FilterSetup setup;
    private FilterJetty jetty;
    private InlineLocalConnector local;
    private byte[] openGet;
    private byte[] guardedGet;
    private byte[] openPut;
    private byte[] guardedPut;

    @Setup(Level.Trial)
    public void start() throws Exception {
        setup = FilterSetup.create(Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
        jetty = new FilterJetty(setup.filter(), server -> {
            local = new InlineLocalConnector(server);
            return local.connector();
        });
        local.open();
        byte[] body = new byte[PUT_BYTES];
        ThreadLocalRandom.current().nextBytes(body);
        openGet = get(FilterSetup.OPEN);
        guardedGet = get(FilterSetup.GUARDED);
        openPut = put(FilterSetup.OPEN, body);
        guardedPut = put(FilterSetup.GUARDED, body);
        for (byte[] request : new byte[][] {openGet, guardedGet, openPut, guardedPut}) {
            ByteBuffer response = local.exchange(request);
            byte[] bytes = new byte[response.remaining()];
            response.get(bytes);
            if (SignedHttp.status(bytes, 0) != 200) {
                throw new IllegalStateException("expected 200 for\n" + SignedHttp.text(request).lines().findFirst()
                        .orElse("") + "\nbut got\n" + SignedHttp.text(bytes));
            }
        }
    }

    private byte[] get(String mount) {
        return SignedHttp.get(setup.alice(), uri(mount + FilterSetup.GET_PATH), SIGNED_AT, KEEP_ALIVE);
    }

    /** The PUT's {@code x-amz-content-sha256} is the body's hash, which the filter checks as the servlet reads. */
    private byte[] put(String mount, byte[] body) {
        return SignedHttp.put(setup.alice(), uri(mount + FilterSetup.PUT_PATH), body, SIGNED_AT, true, KEEP_ALIVE);
    }

    private static URI uri(String path) {
        return URI.create("http://localhost" + path);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        jetty.close();
        setup.close();
    }

    @Benchmark
    public ByteBuffer open_get() throws Exception {
        return exchange(openGet);
    }

    @Benchmark
    public ByteBuffer guarded_get() throws Exception {
        return exchange(guardedGet);
    }

    @Benchmark
    public ByteBuffer open_put() throws Exception {
        return exchange(openPut);
    }

    @Benchmark
    public ByteBuffer guarded_put() throws Exception {
        return exchange(guardedPut);
    }

    /** One request on the kept-alive in-process connection, its answer checked. */
    private ByteBuffer exchange(byte[] request) throws Exception {
        ByteBuffer response = local.exchange(request);
        // "HTTP/1.1 200": the status digits are bytes 9-11
        if (response.get(response.position() + 9) != '2' || response.get(response.position() + 10) != '0'
                || response.get(response.position() + 11) != '0') {
            throw new IllegalStateException("not 200: " + java.nio.charset.StandardCharsets.ISO_8859_1
                    .decode(response.duplicate()));
        }
        return response;
    }
}
