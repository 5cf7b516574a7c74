package dev.warden.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer process with SIGKILL at random moments, hundreds of times, and checks after each kill that
 * recovery leaves the state of a whole commit: every counted document holds the same N, N is at least the last
 * acknowledged commit (no acknowledged commit is lost) and at most one commit more per writer since, and nothing
 * of the store's temporary files or journal is left. Some checks are skipped so that the next writer recovers
 * instead, and some writers are killed before their first commit (while starting, opening, recovering). Two
 * stores are tortured side by side, to spend less time waiting for JVMs to start.
 *
 * <p>{@code -Dwarden.store.crashSeed=S} repeats a run; {@code -Dwarden.store.crashIterations=N} runs longer.
 */
class CrashRecoveryTest {

    private static final int LANES = 2;

    @TempDir
    Path folder;

    /** What one lane saw. */
    private record Tally(int kills, int commits, int checks, int replayed, int dropped) {
    }

    @Test
    void aWriterKilledAtAnyMomentLeavesTheStateOfAWholeCommitAndLosesNoAcknowledgedCommit() throws Exception {
        long seed = Long.getLong("warden.store.crashSeed", System.nanoTime());
        int iterations = Integer.getInteger("warden.store.crashIterations", 200);
        System.out.println("CrashRecoveryTest seed " + seed + " (-Dwarden.store.crashSeed=" + seed + " repeats it)");
        long started = System.nanoTime();
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        List<Future<Tally>> running = new ArrayList<>();
        try {
            for (int lane = 0; lane < LANES; lane++) {
                Path root = folder.resolve("store-" + lane);
                Random random = new Random(seed + lane);
                int kills = iterations / LANES + (lane < iterations % LANES ? 1 : 0);
                running.add(lanes.submit(() -> torture(root, random, kills, seed)));
            }
            int kills = 0;
            int commits = 0;
            int checks = 0;
            int replayed = 0;
            int dropped = 0;
            for (Future<Tally> lane : running) {
                Tally tally;
                try {
                    tally = lane.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError) {
                        throw (AssertionError) e.getCause();
                    }
                    throw e;
                }
                kills += tally.kills();
                commits += tally.commits();
                checks += tally.checks();
                replayed += tally.replayed();
                dropped += tally.dropped();
            }
            System.out.printf("CrashRecoveryTest: %d kills in %d s, %d acknowledged commits, %d checks, of which %d "
                            + "completed a commit past its commit point and %d dropped a journal entry being "
                            + "written%n",
                    kills, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), commits, checks, replayed,
                    dropped);
            assertThat(replayed).as("kills that landed after a commit point (else the test proves little)")
                    .isGreaterThanOrEqualTo(checks / 20);
        } finally {
            lanes.shutdownNow();
        }
    }

    private Tally torture(Path root, Random random, int iterations, long seed) throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            store.commit(InvariantWriter.initial());
        }
        long lastAck = 0;
        int unacknowledgedBudget = 0;
        int checks = 0;
        int replayed = 0;
        int dropped = 0;
        int commits = 0;
        List<String> history = new ArrayList<>(); // what each writer did, for failure messages
        for (int i = 0; i < iterations; i++) {
            boolean early = random.nextInt(10) == 0;
            try (ChildJvm writer = ChildJvm.start(InvariantWriter.class,
                    root.resolveSibling(root.getFileName() + "-writer"), root.toString(),
                    Long.toString(random.nextLong()))) {
                if (early) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(300_000)));
                } else {
                    if (!writer.awaitFirstAck(30, TimeUnit.SECONDS)) {
                        fail(root + ": writer " + i + " acknowledged nothing in 30 s; stderr: " + writer.stderr());
                    }
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(30_000)));
                }
                if (!writer.isAlive()) {
                    fail(root + ": writer " + i + " died by itself; stderr: " + writer.stderr());
                }
                writer.kill();
                List<String> acks = writer.lines();
                history.add("writer " + i + (early ? " (killed early)" : "") + " printed "
                        + (acks.isEmpty() ? "nothing" : acks.get(0) + ".." + acks.get(acks.size() - 1)));
                if (writer.lastAck() >= 0) {
                    assertThat(writer.lastAck()).as("ACKs only go up").isGreaterThan(lastAck);
                    commits += (int) (writer.lastAck() - lastAck);
                    lastAck = writer.lastAck();
                    unacknowledgedBudget = 1; // it may have committed once more before printing
                } else {
                    unacknowledgedBudget++; // it may have committed once without printing
                }
            }
            if (random.nextInt(4) == 0 && i < iterations - 1) {
                continue; // the next writer recovers
            }
            checks++;
            if (!listNames(root.resolve(".warden/journal")).isEmpty()) {
                replayed++;
            }
            if (!listNames(root.resolve(".warden/tmp")).isEmpty()) {
                dropped++;
            }
            long n;
            try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
                Map<String, String> documents = store.readAll();
                n = InvariantWriter.check(documents);
            }
            assertThat(n).as("%s, kill %d: N after recovery vs the last acknowledged commit (seed %d); %s", root, i,
                            seed, history.subList(Math.max(0, history.size() - 6), history.size()))
                    .isBetween(lastAck, lastAck + unacknowledgedBudget);
            assertThat(listNames(root.resolve(".warden/journal"))).as("journal after recovery").isEmpty();
            assertThat(listNames(root.resolve(".warden/tmp"))).as("temporary files after recovery").isEmpty();
            assertThat(temporaryDocumentFiles(root)).as("temporary document files after recovery").isEmpty();
        }
        return new Tally(iterations, commits, checks, replayed, dropped);
    }

    private static List<String> listNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static List<Path> temporaryDocumentFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".warden-tmp"))
                    .collect(Collectors.toList());
        }
    }
}
