package dev.warden.bench;

import dev.warden.core.auth.mfa.Totp;
import dev.warden.core.auth.mfa.TotpVerifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
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
 * What checking a virtual MFA code costs: one TOTP code (one HMAC-SHA-1 over a 40-byte seed), a sign-in check (the
 * three steps of the ±1 window, every one computed whatever matches) and the two-consecutive-codes check of
 * EnableMFADevice (22 steps of the ±10 window).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TotpBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:10Z");

    private final byte[] seed = Totp.newSeed();
    private final TotpVerifier verifier = new TotpVerifier(Clock.fixed(NOW, ZoneOffset.UTC));
    private final long step = Totp.AWS.step(NOW);
    private String code;
    private String previousCode;

    @Setup
    public void setUp() {
        code = Totp.AWS.generate(seed, step);
        previousCode = Totp.AWS.generate(seed, step - 1);
        if (verifier.verify(seed, code, TotpVerifier.NEVER_USED).orElse(-1) != step
                || verifier.verifyConsecutive(seed, previousCode, code, TotpVerifier.NEVER_USED).orElse(-1) != step) {
            throw new IllegalStateException("the verifier does not accept the current codes");
        }
    }

    @Benchmark
    public String generate() {
        return Totp.AWS.generate(seed, step);
    }

    @Benchmark
    public OptionalLong verify() {
        return verifier.verify(seed, code, TotpVerifier.NEVER_USED);
    }

    @Benchmark
    public OptionalLong verifyConsecutive() {
        return verifier.verifyConsecutive(seed, previousCode, code, TotpVerifier.NEVER_USED);
    }
}
