package dev.warden.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoreConflictException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery from the states a crash can leave (made here by hand: a journal entry recorded but not applied, staged
 * files, entries half written), and commits that fail partway: before the commit point nothing is applied, after
 * it the commit is completed by whoever next opens, reads or commits.
 */
class StoreRecoveryTest {

    private static final String ENTRY = "1700000000000-0000beef";

    @TempDir
    Path folder;

    private Path root;

    @BeforeEach
    void oldState() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(folder.resolve("store"))) {
            store.commit(List.of(DocumentChange.create("a.json", "a1"), DocumentChange.create("b.json", "b1")));
            root = store.root();
        }
    }

    /** Records (as a writer does at its commit point) a2, deletion of b, creation of new/c.json. */
    private Path recordEntry() throws IOException {
        return journal().record(ENTRY, List.of(
                change("a.json", "a2"), change("b.json", null), change("new/c.json", "c2")));
    }

    private Journal journal() {
        return new Journal(root, root.resolve(".warden/journal"), root.resolve(".warden/tmp"));
    }

    private Journal.Change change(String path, String content) {
        return new Journal.Change(path, root.resolve(path),
                content == null ? null : content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCompleteJournalEntryFoundOnOpenIsAppliedAndItsLeftoversGo() throws Exception {
        recordEntry();
        // the writer died while staging a.json's new content, and another while writing its journal entry
        Files.writeString(root.resolve("." + "a.json." + ENTRY + "-0.warden-tmp"), "a");
        Files.writeString(root.resolve(".warden/tmp/1700000000001-00000001.json"), "{\"format\":1,\"chan");

        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            assertThat(store.readAll()).containsOnly(entry("a.json", "a2"), entry("new/c.json", "c2"));
        }
        assertNoLeftovers();
    }

    @Test
    void aJournalEntryLeftByAnotherProcessIsCompletedBeforeTheNextRead() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            recordEntry();
            assertThat(store.read(List.of("a.json", "b.json")))
                    .containsExactly(entry("a.json", Optional.of("a2")), entry("b.json", Optional.empty()));
            assertThat(store.readAll()).containsOnly(entry("a.json", "a2"), entry("new/c.json", "c2"));
        }
        assertNoLeftovers();
    }

    @Test
    void aJournalEntryLeftByAnotherProcessIsCompletedBeforeTheNextCommit() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            recordEntry();
            assertThatThrownBy(() -> store.commit(List.of(DocumentChange.replace("a.json", "a1", "stale"))))
                    .isInstanceOf(StoreConflictException.class);
            store.commit(List.of(DocumentChange.replace("a.json", "a2", "a3")));
            assertThat(store.readAll()).containsOnly(entry("a.json", "a3"), entry("new/c.json", "c2"));
        }
        assertNoLeftovers();
    }

    @Test
    void aJournalEntryNeverRenamedIntoTheJournalIsDropped() throws Exception {
        Files.write(root.resolve(".warden/tmp/" + ENTRY + ".json"), Journal.encode(List.of(change("a.json", "a2"))));
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            assertThat(store.readAll()).containsOnly(entry("a.json", "a1"), entry("b.json", "b1"));
        }
        assertNoLeftovers();
    }

    @Test
    void aCorruptJournalEntryStopsTheStoreNamingIt() throws Exception {
        Path entry = root.resolve(".warden/journal/" + ENTRY + ".json");
        Files.writeString(entry, "{\"format\":1,\"changes\":[{\"path\":\"a.json\"");
        assertThatThrownBy(() -> FileDirectoryStore.open(root))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(entry.toString())
                .hasMessageContaining("corrupt journal entry");
        assertThat(Files.readString(root.resolve("a.json"))).isEqualTo("a1");
    }

    @Test
    void aJournalEntryCannotWriteOutsideTheStore() throws Exception {
        Path entry = root.resolve(".warden/journal/" + ENTRY + ".json");
        Files.writeString(entry, "{\"format\":1,\"changes\":[{\"path\":\"../evil.json\",\"content\":\"x\"}]}");
        assertThatThrownBy(() -> FileDirectoryStore.open(root))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt journal entry");
        assertThat(folder.resolve("evil.json")).doesNotExist();
    }

    @Test
    void aCommitFailingWhileStagingIsRolledBack() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            store.injectFaults((step, file) -> {
                if (step.equals("stage") && file.endsWith("b.json")) {
                    throw new IOException(file + ": No space left on device");
                }
            });
            assertThatThrownBy(() -> store.commit(List.of(
                    DocumentChange.replace("a.json", "a1", "a2"),
                    DocumentChange.replace("b.json", "b1", "b2"))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("No space left on device");
            store.injectFaults(null);
            assertThat(store.readAll()).containsOnly(entry("a.json", "a1"), entry("b.json", "b1"));
        }
        assertNoLeftovers();
    }

    @Test
    void aLargeCommitFailingWhileStagingInParallelIsRolledBack() throws Exception {
        List<DocumentChange> changes = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            changes.add(DocumentChange.create("bulk/" + (i % 5) + "/d" + i + ".json", "{\"i\":" + i + "}"));
        }
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            store.injectFaults((step, file) -> {
                if (step.equals("stage") && file.endsWith("d150.json")) {
                    throw new IOException(file + ": No space left on device");
                }
            });
            assertThatThrownBy(() -> store.commit(changes))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("d150.json");
            store.injectFaults(null);
            assertThat(store.readAll()).containsOnly(entry("a.json", "a1"), entry("b.json", "b1"));
            store.commit(changes);
            assertThat(store.readAll()).hasSize(202);
        }
        assertNoLeftovers();
    }

    @Test
    void aCommitFailingWhileRenamingIsCompletedByTheNextRead() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            store.injectFaults((step, file) -> {
                if (step.equals("rename") && file.endsWith("b.json")) {
                    throw new IOException(file + ": Input/output error");
                }
            });
            assertThatThrownBy(() -> store.commit(List.of(
                    DocumentChange.replace("a.json", "a1", "a2"),
                    DocumentChange.replace("b.json", "b1", "b2"))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("recorded in")
                    .hasMessageContaining("the next read or commit completes it");
            store.injectFaults(null);
            assertThat(store.readAll()).containsOnly(entry("a.json", "a2"), entry("b.json", "b2"));
        }
        assertNoLeftovers();
    }

    @Test
    void recoveryInterruptedHalfwayIsCompletedByTheNextRecovery() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            recordEntry();
            store.injectFaults((step, file) -> {
                if (step.equals("rename") && file.endsWith("c.json")) {
                    throw new IOException(file + ": Input/output error");
                }
            });
            assertThatThrownBy(store::readAll).isInstanceOf(IOException.class);
            assertThat(Files.readString(root.resolve("a.json"))).as("applied before the failure").isEqualTo("a2");
            store.injectFaults(null);
            assertThat(store.readAll()).containsOnly(entry("a.json", "a2"), entry("new/c.json", "c2"));
        }
        assertNoLeftovers();
    }

    private void assertNoLeftovers() throws IOException {
        assertThat(root.resolve(".warden/journal")).isEmptyDirectory();
        assertThat(root.resolve(".warden/tmp")).isEmptyDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".warden-tmp"))).isEmpty();
        }
    }
}
