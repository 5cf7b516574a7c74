package dev.warden.bench.agent;

import dev.warden.spi.Principal;
import dev.warden.spi.RequestContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An allowed {@code @Authorize} call against the same method without the annotation, in one JVM that runs under the
 * Warden agent ({@link AgentCallRun} forks it with {@code -javaagent}; run through JMH directly this class measures
 * nothing useful: every call is then unchecked). The caller is bound as the application would bind it, a
 * {@code RequestContext} on the benchmark thread; ids rotate over four orders so that no single resource string is
 * the only one seen.
 *
 * <p>{@code caller}: {@code reader} holds one policy without conditions (the common case: decisions remembered per
 * directory version, condition keys never built); {@code alice} holds ten policies of ten statements with
 * conditions on {@code aws:SourceIp}, {@code aws:PrincipalTag/team} and {@code aws:CurrentTime} (every call builds
 * the keys and runs the engine).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgentCallBenchmark {

    private static final String[] IDS = {"7", "8", "9", "10"};
    private static final OrderRef[] REFS = {new OrderRef("7"), new OrderRef("8"), new OrderRef("9"),
            new OrderRef("10")};

    @Param({"reader", "alice"})
    public String caller;

    private final AuthorizedOrders authorized = new AuthorizedOrders();
    private final PlainOrders plain = new PlainOrders();
    private RequestContext.Scope scope;
    private int next;

    @Setup(Level.Trial)
    public void bind() {
        Principal principal = Principal.of("arn:aws:iam::111122223333:user/" + caller);
        scope = RequestContext.bind(new RequestContext(principal, Map.of(), "bench"));
        // a denied call would make every figure meaningless
        authorized.getOrder("7");
    }

    @TearDown(Level.Trial)
    public void unbind() {
        scope.close();
    }

    @Benchmark
    public int plain() {
        return plain.getOrder(IDS[next++ & 3]);
    }

    @Benchmark
    public int authorized() {
        return authorized.getOrder(IDS[next++ & 3]);
    }

    @Benchmark
    public int plainProperty() {
        return plain.getOrderOf(REFS[next++ & 3]);
    }

    @Benchmark
    public int authorizedProperty() {
        return authorized.getOrderOf(REFS[next++ & 3]);
    }
}
