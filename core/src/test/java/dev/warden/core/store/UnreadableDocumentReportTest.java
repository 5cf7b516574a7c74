package dev.warden.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoredDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One document that cannot be read does not hide the others: the tolerant reads report it by path with why (and
 * without the folder), and read every other document, so a fresh Warden can deny only the principals it touches.
 */
class UnreadableDocumentReportTest {

    private static final String ALICE = "accounts/111122223333/users/alice.json";
    private static final String OPS = "accounts/111122223333/groups/ops.json";

    @TempDir
    Path root;

    @Test
    void a_file_that_is_not_utf8_is_reported_and_the_others_are_read() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            store.commit(List.of(DocumentChange.create(ALICE, "{}"), DocumentChange.create(OPS, "{}")));
            Files.write(store.root().resolve(OPS), new byte[] {'{', '"', 'a', (byte) 0xE9, '"', '}'});

            StoredDocuments all = store.readAllDocuments();
            assertThat(all.readable()).isEqualTo(Map.of(ALICE, "{}"));
            assertThat(all.unreadable()).isEqualTo(Map.of(OPS,
                    "not UTF-8 text (a malformed byte sequence at byte offset 3)"));

            StoredDocuments some = store.readDocuments(List.of(ALICE, OPS, "accounts/111122223333/users/gone.json"));
            assertThat(some.readable()).isEqualTo(Map.of(ALICE, "{}"));
            assertThat(some.unreadable()).containsOnlyKeys(OPS);
        }
    }

    @Test
    void a_file_over_the_size_limit_is_reported_without_being_loaded() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root)) {
            store.commit(List.of(DocumentChange.create(ALICE, "{}"), DocumentChange.create(OPS, "{}")));
            try (var file = new java.io.RandomAccessFile(store.root().resolve(OPS).toFile(), "rw")) {
                file.setLength(FileDirectoryStore.MAX_DOCUMENT_BYTES + 1L); // sparse: no disk used
            }

            assertThat(store.readDocuments(List.of(OPS)).unreadable()).isEqualTo(Map.of(OPS,
                    (FileDirectoryStore.MAX_DOCUMENT_BYTES + 1L) + " bytes, larger than a document may be ("
                            + FileDirectoryStore.MAX_DOCUMENT_BYTES + ")"));
            assertThat(store.readAllDocuments().readable()).containsOnlyKeys(ALICE);
        }
    }
}
