package dev.warden.bench;

import dev.warden.core.Warden;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.eval.EvaluationInput;
import dev.warden.core.eval.Evaluator;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.ManagedPolicyCatalog;
import dev.warden.core.iam.PolicySet;
import dev.warden.core.store.FileDirectoryStore;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The directory at scale: loading a store of 100,000 users and 10,000 policies ({@link #load}, target ≤ 3 s within
 * 1 GiB), how soon another Warden on the same store sees one change ({@link #changeVisible}, target ≤ 50 ms), and
 * {@code Warden.authorize} on a warm cache against the engine alone on the same policies ({@link #authorize} /
 * {@link #engine}, target ≤ 1.2x). See {@code bench/README.md}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DirectoryBenchmark {

    static final int ACCOUNTS = 50;
    static final int USERS_PER_ACCOUNT = 2_000;
    static final int POLICIES_PER_ACCOUNT = 200;

    /** A store folder of 100,000 users and 10,000 policies, written once per trial. */
    @State(Scope.Benchmark)
    public static class LargeStoreState {
        Path root;

        @Setup(Level.Trial)
        public void write() throws IOException {
            root = LargeStore.write(Files.createTempDirectory("warden-large-store"), ACCOUNTS, USERS_PER_ACCOUNT,
                    POLICIES_PER_ACCOUNT);
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public Directory load(LargeStoreState s) throws IOException {
        try (LiveDirectory live = LiveDirectory.open(FileDirectoryStore.open(s.root), "aws",
                ManagedPolicyCatalog.load(DirectoryBenchmark.class.getClassLoader()))) {
            Directory directory = live.current();
            if (directory.accounts().size() != ACCOUNTS || !directory.rejected().isEmpty()) {
                throw new IllegalStateException("store did not load whole: " + directory);
            }
            return directory;
        }
    }

    /** Two Wardens on one large store: a writer, and a reader that learns of changes through the store's watch. */
    @State(Scope.Benchmark)
    public static class TwoWardens {
        Warden writer;
        Warden reader;
        int round;

        @Setup(Level.Trial)
        public void open(LargeStoreState store) throws IOException {
            MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
            writer = Warden.builder().store(FileDirectoryStore.open(store.root)).masterKey(key).audit(false, 0).build();
            reader = Warden.builder().store(FileDirectoryStore.open(store.root)).masterKey(key).audit(false, 0).build();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            writer.close();
            reader.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 30)
    public long changeVisible(TwoWardens w) throws Exception {
        String account = LargeStore.accountId(w.round % ACCOUNTS);
        String user = "user" + (w.round++ % USERS_PER_ACCOUNT);
        String tag = "v" + System.nanoTime();
        Principal root = Principal.of("arn:aws:iam::" + account + ":root");
        w.writer.iam().call(root, account, "TagUser", Map.of("UserName", user,
                "Tags.member.1.Key", "round", "Tags.member.1.Value", tag));
        long spins = 0;
        while (!w.reader.directory().current().account(account).user(user).tags().stream()
                .anyMatch(t -> t.value().equals(tag))) {
            Thread.onSpinWait();
            if (++spins % 1024 == 0) {
                Thread.sleep(0, 100_000);
            }
        }
        return spins;
    }

    /** alice with ten attached customer-managed policies (DecisionBenchmark's material), on a warm cache. */
    @State(Scope.Benchmark)
    public static class WarmWarden {
        Warden warden;
        AuthorizationRequest request;
        EvaluationInput input;

        @Setup(Level.Trial)
        public void create() throws Exception {
            MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
            warden = Warden.builder().meterRegistry(new SimpleMeterRegistry()).masterKey(key).audit(false, 0)
                    .serviceLoaderListeners(false).build();
            Policies.enrollAlice(warden);
            request = Policies.request();
            PolicySet set = PolicySet.of(warden.directory().current(), request.principal());
            input = new EvaluationInput(set.identity(), set.boundary(), null, set.serviceControlLevels(), null, null, null);
            Decision viaWarden = warden.authorize(request);
            Decision viaEngine = Evaluator.decide(request, input);
            if (!viaWarden.isAllowed() || !viaEngine.isAllowed()
                    || !viaWarden.decidingStatements().equals(viaEngine.decidingStatements())) {
                throw new IllegalStateException("expected the same allow from Warden and the engine: " + viaWarden
                        + " / " + viaEngine);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            warden.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Decision authorize(WarmWarden w) {
        return w.warden.authorize(w.request);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Decision engine(WarmWarden w) {
        return Evaluator.decide(w.request, w.input);
    }
}
