package dev.warden.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers racing on one document, as processes and as threads, with read-modify-commit increments retried on
 * conflict: compare-and-swap loses no update, so the counter ends at writers × increments.
 */
class ConcurrentCommitTest {

    private static final int WRITERS = 8;
    private static final int INCREMENTS = 50;

    @TempDir
    Path folder;

    @Test
    void eightProcessesIncrementingOneDocumentLoseNoUpdate() throws Exception {
        Path root = folder.resolve("store");
        FileDirectoryStore.open(root).close();
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 0; i < WRITERS; i++) {
                children.add(ChildJvm.start(CounterIncrementer.class, folder.resolve("incrementer-" + i),
                        root.toString(), Integer.toString(INCREMENTS)));
            }
            for (ChildJvm child : children) {
                assertThat(child.awaitReady(60, TimeUnit.SECONDS)).as("child ready; stderr: %s", child.stderr())
                        .isTrue();
            }
            long started = System.nanoTime();
            for (ChildJvm child : children) {
                child.send("GO");
            }
            int conflicts = 0;
            for (ChildJvm child : children) {
                assertThat(child.awaitExit(120, TimeUnit.SECONDS)).as("exit code; stderr: %s", child.stderr())
                        .isZero();
                String done = child.lines().get(child.lines().size() - 1);
                assertThat(done).startsWith("DONE ");
                conflicts += Integer.parseInt(done.substring(5));
            }
            System.out.printf("%d processes x %d increments in %d ms, %d conflicts retried%n", WRITERS, INCREMENTS,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), conflicts);
        } finally {
            children.forEach(ChildJvm::close);
        }
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            assertThat(store.read(List.of(CounterIncrementer.PATH)))
                    .containsExactly(entry(CounterIncrementer.PATH,
                            Optional.of(Integer.toString(WRITERS * INCREMENTS))));
        }
    }

    @Test
    void eightThreadsSharingOneStoreObjectLoseNoUpdate() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(folder.resolve("store"))) {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                writers.add(() -> CounterIncrementer.increment(store, INCREMENTS));
            }
            int conflicts = runAll(writers);
            System.out.printf("%d threads x %d increments on one store object, %d conflicts retried%n", WRITERS,
                    INCREMENTS, conflicts);
            assertThat(store.read(List.of(CounterIncrementer.PATH)).get(CounterIncrementer.PATH))
                    .contains(Integer.toString(WRITERS * INCREMENTS));
        }
    }

    @Test
    void threadsWithAStoreObjectEachOnOneRootLoseNoUpdate() throws Exception {
        Path root = folder.resolve("store");
        List<FileDirectoryStore> stores = new ArrayList<>();
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                FileDirectoryStore store = FileDirectoryStore.open(root);
                stores.add(store);
                writers.add(() -> CounterIncrementer.increment(store, INCREMENTS));
            }
            runAll(writers);
            assertThat(stores.get(0).read(List.of(CounterIncrementer.PATH)).get(CounterIncrementer.PATH))
                    .contains(Integer.toString(4 * INCREMENTS));
        } finally {
            for (FileDirectoryStore store : stores) {
                store.close();
            }
        }
    }

    /** Runs every task at once; the sum of their results. */
    private static int runAll(List<Callable<Integer>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            int sum = 0;
            for (Future<Integer> result : threads.invokeAll(tasks)) {
                sum += result.get();
            }
            return sum;
        } finally {
            threads.shutdownNow();
        }
    }
}
