package dev.warden.core.metrics;

import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Micrometer meters for decisions: {@code warden.decisions} (counter; tags {@code outcome} and {@code service}, the
 * action's service prefix, a small set) and {@code warden.decision.latency} (timer, fed by the decisions Warden times),
 * plus {@code warden.decisions} with {@code outcome=error} for decisions that failed and were denied (the request
 * could not be evaluated, or the principal's policies cannot be read from the store). No principal, resource or action name is a
 * tag: they would make the cardinality unbounded.
 */
public final class DecisionMetrics {

    /** Service prefixes tracked as separate tag values; beyond this, {@code other} (hostile input cannot grow it). */
    private static final int MAX_SERVICES = 256;
    /** Actions remembered for a direct lookup of their counters; beyond this they are looked up by service. */
    private static final int MAX_ACTIONS = 4096;

    private final MeterRegistry registry;
    private final Timer latency;
    private final ConcurrentHashMap<String, Counter[]> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter[]> byAction = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("warden.decision.latency")
                .description("Time to decide an authorization request")
                .register(registry);
    }

    /** Counts one decision on {@code action}. */
    public void count(String action, Decision decision) {
        counters(action)[decision.outcome().ordinal()].increment();
    }

    /** Records how long one decision took. */
    public void time(long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts a decision that failed (and was denied, failing closed). */
    public void recordError(String action) {
        errors.increment();
        counters(action)[Outcome.values().length].increment();
    }

    /** How many decisions failed (and were denied) since this object was made, whatever their service. */
    public long errors() {
        return errors.sum();
    }

    private Counter[] counters(String action) {
        Counter[] direct = byAction.get(action);
        if (direct != null) {
            return direct;
        }
        Counter[] found = countersOfService(action);
        if (byAction.size() < MAX_ACTIONS) {
            byAction.putIfAbsent(action, found);
        }
        return found;
    }

    private Counter[] countersOfService(String action) {
        int colon = action.indexOf(':');
        String service = colon > 0 ? action.substring(0, colon).toLowerCase(Locale.ROOT) : "unknown";
        Counter[] existing = counters.get(service);
        if (existing != null) {
            return existing;
        }
        String tag = counters.size() < MAX_SERVICES ? service : "other";
        return counters.computeIfAbsent(tag, s -> {
            Counter[] c = new Counter[Outcome.values().length + 1];
            for (Outcome outcome : Outcome.values()) {
                c[outcome.ordinal()] = counter(s, outcome.awsName());
            }
            c[Outcome.values().length] = counter(s, "error");
            return c;
        });
    }

    private Counter counter(String service, String outcome) {
        return Counter.builder("warden.decisions")
                .description("Authorization decisions")
                .tag("outcome", outcome)
                .tag("service", service)
                .register(registry);
    }
}
