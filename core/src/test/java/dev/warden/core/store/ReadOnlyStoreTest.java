package dev.warden.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.spi.DocumentChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store on a volume this process cannot write (a mounted config map, a read-only bind) opens read-only: reads work,
 * nothing is created or written (no lock file, no journal, no recovery), commits are refused naming the folder, and a
 * commit a crashed writer left in the journal, which it cannot complete, makes it refuse to open.
 */
class ReadOnlyStoreTest {

    private static final String ALICE = "accounts/111122223333/users/alice.json";
    private static final String BOB = "accounts/111122223333/users/bob.json";

    @TempDir
    Path folder;

    private Path root;

    @BeforeEach
    void makeStore() throws Exception {
        root = folder.resolve("store");
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            store.commit(List.of(DocumentChange.create(ALICE, "{\"a\": 1}\n"), DocumentChange.create(BOB, "{}\n")));
        }
        root = root.toRealPath();
    }

    /** Every path under the root with its size and modification time: what a write would change. */
    private Map<String, String> tree() throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                tree.put(root.relativize(path).toString(), a.size() + "@" + a.lastModifiedTime().toMillis());
            }
        }
        return tree;
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void a_store_opened_read_only_reads_and_writes_nothing_not_even_its_lock() throws Exception {
        deleteTree(root.resolve(".warden")); // as a copy of the documents on a config map has no internals
        Map<String, String> before = tree();

        try (FileDirectoryStore store = FileDirectoryStore.openReadOnly(root)) {
            assertThat(store.isReadOnly()).isTrue();
            assertThat(store.readAll()).containsOnlyKeys(ALICE, BOB);
            assertThat(store.read(List.of(ALICE))).containsEntry(ALICE, Optional.of("{\"a\": 1}\n"));
            store.watch(paths -> { });
        }

        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void a_commit_to_a_read_only_store_is_refused_naming_the_folder() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.openReadOnly(root)) {
            assertThatThrownBy(() -> store.commit(List.of(DocumentChange.create("accounts/x.json", "{}"))))
                    .isInstanceOf(IOException.class)
                    .hasMessage("The store " + root + " is read-only: changes are refused (decisions and reads work)");
        }
        assertThat(root.resolve("accounts/x.json")).doesNotExist();
    }

    @Test
    void a_pending_journal_entry_makes_a_read_only_store_refuse_to_open() throws Exception {
        Path entry = root.resolve(".warden/journal/1700000000000-0badf00d.json");
        Files.write(entry, Journal.encode(List.of(new Journal.Change(BOB, root.resolve(BOB),
                "{\"b\": 2}\n".getBytes(StandardCharsets.UTF_8)))));

        assertThatThrownBy(() -> FileDirectoryStore.openReadOnly(root))
                .isInstanceOf(IOException.class)
                .hasMessage(root + ": a commit interrupted by a crash waits in " + entry + ", and the store is "
                        + "read-only, so it cannot be completed; open the store once where it is writable (any warden "
                        + "command does) to complete it");
        assertThat(entry).exists();
        assertThat(root.resolve(BOB)).hasContent("{}");

        try (FileDirectoryStore writable = FileDirectoryStore.open(root)) {
            assertThat(writable.readAll()).containsEntry(BOB, "{\"b\": 2}\n");
        }
        try (FileDirectoryStore store = FileDirectoryStore.openReadOnly(root)) {
            assertThat(store.readAll()).as("nothing left to recover: readable").containsEntry(BOB, "{\"b\": 2}\n");
        }
    }

    @Test
    void a_folder_this_process_cannot_write_opens_read_only_by_itself() throws Exception {
        Map<String, String> before = tree();
        try (Unwritable ignored = Unwritable.make(root)) {
            try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
                assertThat(store.isReadOnly()).isTrue();
                assertThat(store.readAll()).containsOnlyKeys(ALICE, BOB);
                assertThatThrownBy(() -> store.commit(List.of(DocumentChange.create("accounts/x.json", "{}"))))
                        .hasMessageContaining("is read-only");
            }
        }
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void a_read_only_store_holds_the_shared_lock_so_it_never_sees_half_a_commit() throws Exception {
        try (FileDirectoryStore writer = FileDirectoryStore.open(root)) {
            // the writer's lock object is this JVM's: a read-only open of the same root shares it and reads
            try (FileDirectoryStore reader = FileDirectoryStore.openReadOnly(root)) {
                writer.commit(List.of(DocumentChange.replace(BOB, "{}\n", "{\"c\": 3}\n")));
                assertThat(reader.readAll()).containsEntry(BOB, "{\"c\": 3}\n");
            }
        }
    }
}
