package dev.warden.bench;

import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.spi.PolicyType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse, validate and compile one managed policy just under AWS's quota (6,144 characters without whitespace):
 * what loading or changing a policy costs, once per policy version.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {

    private String json;

    @Setup
    public void setUp() throws MalformedPolicyException {
        json = Policies.largePolicy();
        int characters = Policies.nonWhitespace(json);
        if (characters < 5_800 || characters > PolicyKind.MANAGED.maxCharacters()) {
            throw new IllegalStateException("policy has " + characters + " characters without whitespace");
        }
        CompiledPolicy policy = parse();
        if (policy.statements().size() < 5) {
            throw new IllegalStateException("expected several statements, got " + policy.statements().size());
        }
    }

    @Benchmark
    public CompiledPolicy parse() throws MalformedPolicyException {
        return CompiledPolicy.parse(json, PolicyKind.MANAGED, "arn:aws:iam::111122223333:policy/Large", PolicyType.IDENTITY);
    }
}
