package dev.warden.bench;

import dev.warden.core.auth.password.PasswordHasher;
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
 * What one console password costs at OWASP's 600,000 PBKDF2-HMAC-SHA256 iterations: a new hash (CreateLoginProfile,
 * ChangePassword; salt generation included) and a verification (each sign-in, and each remembered password a
 * reuse-prevention check looks at). The two should cost the same: the iterations are the work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
// one operation takes a few hundred milliseconds: 10-second iterations hold enough of them to average
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
public class PasswordHashingBenchmark {

    private final PasswordHasher hasher = new PasswordHasher();
    private final char[] password = "Correct-Horse-7-Battery".toCharArray();
    private String encoded;

    @Setup
    public void setUp() {
        encoded = hasher.hash(password);
        if (!hasher.verify(password, encoded) || hasher.verify("wrong".toCharArray(), encoded)
                || !encoded.startsWith("pbkdf2-sha256$600000$")) {
            throw new IllegalStateException("the hasher does not verify its own hash");
        }
    }

    @Benchmark
    public String hash() {
        return hasher.hash(password);
    }

    @Benchmark
    public boolean verify() {
        return hasher.verify(password, encoded);
    }
}
