package dev.warden.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.warden.spi.DocumentChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileDirectoryStore#watch}: changes by editors (in place, or a temporary file renamed over the document),
 * by hand in new folders, and by other store objects are reported with their paths within tens of milliseconds;
 * the store object's own commits are not; lost events ask for a full read; close stops the thread.
 */
class StoreWatchTest {

    private static final String ALICE = "accounts/111122223333/users/alice.json";
    private static final long TIMEOUT_MILLIS = 5_000;

    @TempDir
    Path folder;

    private FileDirectoryStore store;
    private final BlockingQueue<Set<String>> reports = new LinkedBlockingQueue<>();
    /** Everything reported so far, in order. */
    private final List<Set<String>> seen = new ArrayList<>();

    @BeforeEach
    void watchedStore() throws Exception {
        store = FileDirectoryStore.open(folder.resolve("store"));
        store.commit(List.of(DocumentChange.create(ALICE, "{\"v\":1}")));
        store.watch(reports::add);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private Path file(String path) {
        return store.root().resolve(path);
    }

    /** Waits for a report satisfying {@code wanted}; fails after the timeout with what was reported. */
    private Set<String> awaitReport(Predicate<Set<String>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            Set<String> report = reports.poll(left, TimeUnit.NANOSECONDS);
            if (report == null) {
                break;
            }
            seen.add(report);
            if (wanted.test(report)) {
                return report;
            }
        }
        return fail("no wanted report within " + TIMEOUT_MILLIS + " ms; reported: " + seen);
    }

    @Test
    void anEditorSavingThroughATemporaryFileIsReportedWithThePath() throws Exception {
        Path alice = file(ALICE);
        Path temporary = alice.resolveSibling(".alice.json.swp");
        Files.writeString(temporary, "{\"v\":2}");
        Files.move(temporary, alice, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        awaitReport(report -> report.contains(ALICE));
        assertThat(seen).allSatisfy(report -> assertThat(report).allMatch(path -> !path.contains(".swp")));
    }

    @Test
    void aFileOverwrittenInPlaceIsReportedWithinTensOfMilliseconds() throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long written = System.nanoTime();
            Files.writeString(file(ALICE), "{\"v\":" + (i + 2) + "}");
            awaitReport(report -> report.contains(ALICE));
            latencies.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - written));
            reports.clear();
        }
        latencies.sort(null);
        System.out.printf("watch latency of a hand edit: median %.1f ms, max %.1f ms%n",
                latencies.get(latencies.size() / 2) / 1000.0, latencies.get(latencies.size() - 1) / 1000.0);
        assertThat(latencies.get(latencies.size() / 2)).as("median latency, µs").isLessThan(1_000_000);
    }

    @Test
    void aDeletedDocumentIsReported() throws Exception {
        Files.delete(file(ALICE));
        awaitReport(report -> report.contains(ALICE));
    }

    @Test
    void documentsInFoldersCreatedByHandAreReportedAndWatched() throws Exception {
        Path users = Files.createDirectories(file("accounts/444455556666/users"));
        Files.writeString(users.resolve("carol.json"), "{}");
        awaitReport(report -> report.contains("accounts/444455556666/users/carol.json"));
        Files.writeString(users.resolve("dave.json"), "{}");
        awaitReport(report -> report.contains("accounts/444455556666/users/dave.json"));
    }

    @Test
    void aCommitOfAnotherStoreObjectIsReportedWhole() throws Exception {
        try (FileDirectoryStore other = FileDirectoryStore.open(store.root())) {
            other.commit(List.of(
                    DocumentChange.replace(ALICE, "{\"v\":1}", "{\"v\":2}"),
                    DocumentChange.create("accounts/111122223333/groups/admins.json", "{}"),
                    DocumentChange.create("policies/p.json", "{}")));
        }
        Set<String> report = awaitReport(paths -> paths.contains(ALICE));
        assertThat(report).contains(ALICE, "accounts/111122223333/groups/admins.json", "policies/p.json");
    }

    @Test
    void itsOwnCommitsAreNotReportedButLaterEditsOfTheSameDocumentsAre() throws Exception {
        store.commit(List.of(
                DocumentChange.replace(ALICE, "{\"v\":1}", "{\"v\":2}"),
                DocumentChange.create("accounts/111122223333/roles/new-folder/r.json", "{}")));
        store.commit(List.of(DocumentChange.delete("accounts/111122223333/roles/new-folder/r.json", "{}")));
        Files.writeString(file("marker.json"), "{}"); // reported after anything the commits caused
        awaitReport(report -> report.contains("marker.json"));
        assertThat(seen).allSatisfy(report -> assertThat(report).containsOnly("marker.json"));

        Files.writeString(file(ALICE), "{\"v\":3}");
        awaitReport(report -> report.contains(ALICE));
    }

    @Test
    void internalFilesAndEditorFilesAreNotReported() throws Exception {
        Path users = file(ALICE).getParent();
        Files.writeString(users.resolve(".alice.json.swp"), "swap");
        Files.writeString(users.resolve("alice.json~"), "backup");
        Files.writeString(file(".warden/tmp/x.json"), "x");
        Files.writeString(file("marker.json"), "{}");
        awaitReport(report -> report.contains("marker.json"));
        assertThat(seen).allSatisfy(report -> assertThat(report).containsOnly("marker.json"));
    }

    @Test
    void eventsLostByTheSystemAskForAFullRead() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.watch(paths -> {
            if (blocked.getCount() > 0) {
                blocked.countDown();
                awaitQuietly(release);
            }
        });
        Files.writeString(file("first.json"), "{}");
        assertThat(blocked.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        awaitReport(report -> report.contains("first.json"));
        Path watched = file(ALICE).getParent();
        for (int i = 0; i < 1000; i++) { // more events than a watch key keeps while the thread is busy
            Files.writeString(watched.resolve("f" + i + ".json"), "{}");
        }
        release.countDown();
        awaitReport(Set::isEmpty);
    }

    @Test
    void aFailingListenerDoesNotStopTheWatch() throws Exception {
        store.watch(paths -> {
            throw new IllegalStateException("listener bug");
        });
        Files.writeString(file("one.json"), "{}");
        awaitReport(report -> report.contains("one.json"));
        Files.writeString(file("two.json"), "{}");
        awaitReport(report -> report.contains("two.json"));
    }

    @Test
    void closeStopsTheWatchThread() throws Exception {
        Thread thread = store.watchThread();
        assertThat(thread.isAlive()).isTrue();
        assertThat(thread.isDaemon()).isTrue();
        store.close();
        thread.join(TIMEOUT_MILLIS);
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void severalListenersAllHear() throws Exception {
        BlockingQueue<Set<String>> second = new LinkedBlockingQueue<>();
        store.watch(second::add);
        Files.writeString(file("x.json"), "{}");
        awaitReport(report -> report.contains("x.json"));
        Set<String> heard = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (!heard.contains("x.json") && System.nanoTime() < deadline) {
            Set<String> report = second.poll(10, TimeUnit.MILLISECONDS);
            if (report != null) {
                heard.addAll(report);
            }
        }
        assertThat(heard).contains("x.json");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
