package dev.warden.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.DocumentChange;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers running while a writer commits multi-document changes see the state before or after each commit, never
 * part of one: every {@code readAll} satisfies {@link InvariantWriter#check}, every {@code read} of the counted
 * documents finds them equal, whether the writer is a thread of this JVM or another process.
 */
class ConsistentReadTest {

    @TempDir
    Path folder;

    @Test
    void readersInThisJvmNeverSeePartOfACommit() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(folder.resolve("store"))) {
            store.commit(InvariantWriter.initial());
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                Future<Long> writer = threads.submit(() -> {
                    try {
                        Map<String, String> documents = new HashMap<>(store.readAll());
                        Random random = new Random(42);
                        long n = 0;
                        for (; n < 200; n++) {
                            List<DocumentChange> changes = InvariantWriter.next(documents, n, random);
                            store.commit(changes);
                            InvariantWriter.apply(documents, changes);
                        }
                        return n;
                    } finally {
                        writing.set(false);
                    }
                });
                Future<Integer> allReader = threads.submit(() -> {
                    int reads = 0;
                    while (writing.get()) {
                        InvariantWriter.check(store.readAll());
                        reads++;
                    }
                    return reads;
                });
                Future<Integer> pathReader = threads.submit(() -> {
                    int reads = 0;
                    while (writing.get()) {
                        checkCounted(store.read(InvariantWriter.COUNTED));
                        reads++;
                    }
                    return reads;
                });
                assertThat(writer.get(2, TimeUnit.MINUTES)).isEqualTo(200);
                assertThat(allReader.get()).isPositive();
                assertThat(pathReader.get()).isPositive();
                assertThat(InvariantWriter.check(store.readAll())).isEqualTo(200);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void readersNeverSeePartOfACommitOfAnotherProcess() throws Exception {
        Path root = folder.resolve("store");
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            store.commit(InvariantWriter.initial());
        }
        try (FileDirectoryStore store = FileDirectoryStore.open(root);
                ChildJvm writer = ChildJvm.start(InvariantWriter.class, folder.resolve("writer"),
                        root.toString(), "7")) {
            assertThat(writer.awaitFirstAck(60, TimeUnit.SECONDS)).as("stderr: %s", writer.stderr()).isTrue();
            long first = InvariantWriter.check(store.readAll());
            long last = first;
            int reads = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (last - first < 100 && System.nanoTime() < deadline) {
                last = InvariantWriter.check(store.readAll());
                checkCounted(store.read(InvariantWriter.COUNTED));
                reads++;
            }
            writer.kill();
            System.out.printf("%d consistent reads while another process made %d commits%n", reads, last - first);
            assertThat(last - first).as("commits seen by the reader").isGreaterThanOrEqualTo(20);
            assertThat(InvariantWriter.check(store.readAll())).isGreaterThanOrEqualTo(writer.lastAck());
        }
    }

    private static void checkCounted(Map<String, Optional<String>> read) {
        assertThat(read.values()).allSatisfy(content -> assertThat(content).isPresent());
        assertThat(read.values().stream().map(content -> content.get().replaceAll(",\"pad\".*", "")).distinct())
                .as("counted documents read together").hasSize(1);
    }
}
