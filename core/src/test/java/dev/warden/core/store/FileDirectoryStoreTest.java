package dev.warden.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoreConflictException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link FileDirectoryStore} in one process: the marker, documents as files, compare-and-swap
 * commits that apply whole or not at all, reads, paths that cannot name documents, files that are not documents.
 */
class FileDirectoryStoreTest {

    private static final String ALICE = "accounts/111122223333/users/alice.json";
    private static final String BOB = "accounts/111122223333/users/bob.json";

    @TempDir
    Path folder;

    private Path root() {
        return folder.resolve("store");
    }

    // ------------------------------------------------------------------------------------------ marker and layout

    @Test
    void aNewFolderBecomesAStoreWithAMarkerAndNoDocuments() throws IOException {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            assertThat(store.readAll()).isEmpty();
        }
        assertThat(Files.readString(root().resolve("warden-store.json"))).isEqualToIgnoringWhitespace("{\"format\":1}");
        assertThat(root().resolve(".warden/journal")).isEmptyDirectory();
        assertThat(root().resolve(".warden/tmp")).isEmptyDirectory();
        assertThat(root().resolve(".warden/lock")).isRegularFile();
    }

    @Test
    void anEmptyExistingFolderBecomesAStore() throws Exception {
        Files.createDirectories(root());
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create("a.json", "{}")));
        }
        assertThat(root().resolve("warden-store.json")).isRegularFile();
        assertThat(root().resolve("a.json")).hasContent("{}");
    }

    @Test
    void aNonEmptyFolderWithoutMarkerIsRefusedAndLeftUntouched() throws IOException {
        Files.createDirectories(root());
        Files.writeString(root().resolve("notes.txt"), "my notes");
        assertThatThrownBy(() -> FileDirectoryStore.open(root()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(root().toRealPath().toString())
                .hasMessageContaining("not a Warden store")
                .hasMessageContaining("not empty");
        try (Stream<Path> files = Files.list(root())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void aFileIsRefusedAsAStoreFolder() throws IOException {
        Files.writeString(folder.resolve("file"), "x");
        assertThatThrownBy(() -> FileDirectoryStore.open(folder.resolve("file")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a folder");
    }

    @Test
    void aMarkerOfAnotherFormatIsRefused() throws IOException {
        Files.createDirectories(root());
        Files.writeString(root().resolve("warden-store.json"), "{\"format\": 2}");
        assertThatThrownBy(() -> FileDirectoryStore.open(root()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("warden-store.json")
                .hasMessageContaining("format 2 is not supported");
    }

    @Test
    void aMarkerThatIsNotOneIsRefused() throws IOException {
        Files.createDirectories(root());
        Files.writeString(root().resolve("warden-store.json"), "[1, 2");
        assertThatThrownBy(() -> FileDirectoryStore.open(root()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("warden-store.json")
                .hasMessageContaining("not a Warden store marker");
    }

    @Test
    void anExistingStoreReopensWithItsDocuments() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create(ALICE, "{\"UserName\":\"alice\"}")));
        }
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            assertThat(store.readAll()).containsExactly(entry(ALICE, "{\"UserName\":\"alice\"}"));
        }
    }

    @Test
    void documentsAreFilesAtTheirPaths() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create(ALICE, "{\"UserName\":\"alice\"}")));
        }
        assertThat(root().resolve("accounts/111122223333/users/alice.json")).hasContent("{\"UserName\":\"alice\"}");
    }

    // ------------------------------------------------------------------------------------------ commits

    @Test
    void createReplaceAndDeleteApplyInTurn() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create(ALICE, "v1"), DocumentChange.create(BOB, "b1")));
            assertThat(store.readAll()).containsOnly(entry(ALICE, "v1"), entry(BOB, "b1"));

            store.commit(List.of(DocumentChange.replace(ALICE, "v1", "v2")));
            assertThat(store.read(List.of(ALICE))).containsExactly(entry(ALICE, Optional.of("v2")));

            store.commit(List.of(DocumentChange.delete(BOB, "b1")));
            assertThat(store.readAll()).containsOnly(entry(ALICE, "v2"));
            assertThat(root().resolve(BOB)).doesNotExist();
        }
    }

    @Test
    void contentRoundTripsExactlyIncludingUnicodeAndEmptyText() throws Exception {
        String unicode = "{\"name\":\"Zoë 東京 \uD83D\uDE00\",\"crlf\":\"a\r\nb\"}\n";
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create("u.json", unicode), DocumentChange.create("empty.json", "")));
            assertThat(store.readAll()).containsOnly(entry("u.json", unicode), entry("empty.json", ""));
        }
        assertThat(Files.readAllBytes(root().resolve("u.json"))).isEqualTo(unicode.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyCommitDoesNothing() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of());
            assertThat(store.readAll()).isEmpty();
        }
    }

    @Test
    void creatingADocumentThatExistsConflictsAndAppliesNothingOfTheCommit() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create(ALICE, "v1")));
            assertThatThrownBy(() -> store.commit(List.of(
                    DocumentChange.create(BOB, "b1"),
                    DocumentChange.create(ALICE, "other"))))
                    .isInstanceOf(StoreConflictException.class)
                    .satisfies(e -> assertThat(((StoreConflictException) e).path()).isEqualTo(ALICE));
            assertThat(store.readAll()).containsOnly(entry(ALICE, "v1"));
        }
        assertNoInternalLeftovers();
    }

    @Test
    void replacingADocumentThatIsAbsentConflicts() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            assertThatThrownBy(() -> store.commit(List.of(DocumentChange.replace(ALICE, "v1", "v2"))))
                    .isInstanceOf(StoreConflictException.class)
                    .hasMessageContaining(ALICE);
            assertThat(store.readAll()).isEmpty();
        }
    }

    @Test
    void replacingOrDeletingADocumentThatChangedConflictsAndAppliesNothing() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create(ALICE, "v1"), DocumentChange.create(BOB, "b1")));
            store.commit(List.of(DocumentChange.replace(ALICE, "v1", "v2")));

            assertThatThrownBy(() -> store.commit(List.of(
                    DocumentChange.replace(BOB, "b1", "b2"),
                    DocumentChange.replace(ALICE, "v1", "stale"))))
                    .isInstanceOf(StoreConflictException.class);
            assertThatThrownBy(() -> store.commit(List.of(
                    DocumentChange.create("new.json", "n"),
                    DocumentChange.delete(ALICE, "v1"))))
                    .isInstanceOf(StoreConflictException.class);
            assertThat(store.readAll()).containsOnly(entry(ALICE, "v2"), entry(BOB, "b1"));
        }
        assertNoInternalLeftovers();
    }

    @Test
    void aDocumentChangedByHandConflictsWithAWriterThatReadItBefore() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create(ALICE, "v1")));
            Files.writeString(root().resolve(ALICE), "edited");
            assertThatThrownBy(() -> store.commit(List.of(DocumentChange.replace(ALICE, "v1", "v2"))))
                    .isInstanceOf(StoreConflictException.class);
            store.commit(List.of(DocumentChange.replace(ALICE, "edited", "v2")));
            assertThat(store.readAll()).containsOnly(entry(ALICE, "v2"));
        }
    }

    @Test
    void aCommitChangingOneDocumentTwiceIsRefused() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            assertThatThrownBy(() -> store.commit(List.of(
                    DocumentChange.create(ALICE, "a"), DocumentChange.create(ALICE, "b"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(ALICE);
        }
    }

    @Test
    void contentThatIsNotValidUnicodeIsRefused() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            assertThatThrownBy(() -> store.commit(List.of(DocumentChange.create("a.json", "broken \uD800 surrogate"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a.json");
            assertThat(store.readAll()).isEmpty();
        }
    }

    @Test
    void aCommitThroughAFileWhereAFolderShouldBeFailsBeforeWritingAnything() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create("plain.json", "p")));
            // plain.json/inner.json cannot be: plain.json is a file, not a folder; b.json is not written either
            assertThatThrownBy(() -> store.commit(List.of(
                    DocumentChange.create("b.json", "b"),
                    DocumentChange.create("plain.json/inner.json", "i"))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("plain.json");
            assertThat(store.readAll()).containsOnly(entry("plain.json", "p"));
            store.commit(List.of(DocumentChange.create("b.json", "b")));
            assertThat(store.readAll()).containsOnly(entry("plain.json", "p"), entry("b.json", "b"));
        }
        assertNoInternalLeftovers();
    }

    @Test
    void aFolderWhereADocumentShouldBeIsAnErrorNamingIt() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create("x/y.json", "y")));
            assertThat(store.read(List.of("x"))).containsExactly(entry("x", Optional.empty()));
            assertThatThrownBy(() -> store.commit(List.of(DocumentChange.create("x", "content"))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("is not a file");
        }
    }

    @Test
    void manyDocumentsInManyFoldersCommitAndReadBack() throws Exception {
        Map<String, String> expected = new HashMap<>();
        List<DocumentChange> changes = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String path = "accounts/" + (i % 7) + "/users/" + (i % 13) + "/user-" + i + ".json";
            String content = "{\"UserName\":\"user-" + i + "\",\"Pad\":\"" + "p".repeat(i % 300) + "\"}";
            expected.put(path, content);
            changes.add(DocumentChange.create(path, content));
        }
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(changes);
            assertThat(store.readAll()).isEqualTo(expected);
        }
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            assertThat(store.readAll()).isEqualTo(expected);
            assertThat(store.read(List.of("accounts/3/users/10/user-101.json", "accounts/3/users/10/none.json")))
                    .containsExactly(entry("accounts/3/users/10/user-101.json", Optional.of(expected.get(
                                    "accounts/3/users/10/user-101.json"))),
                            entry("accounts/3/users/10/none.json", Optional.empty()));
        }
    }

    // ------------------------------------------------------------------------------------------ reads

    @Test
    void readGivesEachPathItsContentOrEmptyInTheOrderAsked() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create(ALICE, "a"), DocumentChange.create("top.json", "t")));
            Map<String, Optional<String>> read = store.read(List.of("top.json", "absent/x.json", ALICE));
            assertThat(read).containsExactly(entry("top.json", Optional.of("t")),
                    entry("absent/x.json", Optional.empty()), entry(ALICE, Optional.of("a")));
        }
    }

    @Test
    void internalFilesTheMarkerAndEditorFilesAreNotDocuments() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create(ALICE, "a")));
            Path users = root().resolve("accounts/111122223333/users");
            Files.writeString(users.resolve(".alice.json.swp"), "vim swap");
            Files.writeString(users.resolve("alice.json~"), "backup");
            Files.writeString(users.resolve("#alice.json#"), "emacs autosave");
            Files.createDirectories(root().resolve(".git/objects"));
            Files.writeString(root().resolve(".git/HEAD"), "ref: refs/heads/main");
            Files.writeString(root().resolve(".warden/tmp/stray.json"), "{}");
            Files.writeString(root().resolve("WARDEN-STORE.JSON"), "{}");
            Files.writeString(users.resolve("back\\slash.json"), "{}");
            assertThat(store.readAll()).containsOnly(entry(ALICE, "a"));
        }
    }

    @Test
    void aFileThatIsNotUtf8FailsTheReadNamingIt() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            Files.write(root().resolve("latin1.json"), new byte[] {'"', (byte) 0xE9, '"'});
            assertThatThrownBy(store::readAll)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("latin1.json")
                    .hasMessageContaining("not UTF-8");
            assertThatThrownBy(() -> store.read(List.of("latin1.json")))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("latin1.json");
        }
    }

    @Test
    void aRealReplacementCharacterIsText() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create("r.json", "\uFFFD")));
            assertThat(store.readAll()).containsOnly(entry("r.json", "\uFFFD"));
        }
    }

    @Test
    void symbolicLinksAreNotFollowed() throws Exception {
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Files.writeString(outside.resolve("secret.json"), "outside");
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            Files.createSymbolicLink(root().resolve("linked"), outside);
            Files.createSymbolicLink(root().resolve("link.json"), outside.resolve("secret.json"));
            assertThat(store.readAll()).isEmpty();
            assertThat(store.read(List.of("link.json"))).containsExactly(entry("link.json", Optional.empty()));
            assertThatThrownBy(() -> store.read(List.of("linked/secret.json")))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("symbolic link");
            assertThatThrownBy(() -> store.commit(List.of(DocumentChange.create("linked/new.json", "x"))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("symbolic link");
            assertThatThrownBy(() -> store.commit(List.of(DocumentChange.create("link.json", "x"))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("symbolic link");
        }
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("secret.json");
        }
    }

    // ------------------------------------------------------------------------------------------ paths

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../outside.json", "a/../../outside.json", "a/./b.json", "a//b.json",
            "a/", "a\\b.json", ".warden/lock", ".warden/journal/x.json", "a/.hidden.json", ".hidden/a.json",
            "a/backup.json~", "#autosave#", "warden-store.json", "WARDEN-STORE.JSON", "nul\0.json"})
    void pathsThatCannotNameADocumentAreRefused(String path) throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            assertThatThrownBy(() -> store.read(List.of(path))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.commit(List.of(new DocumentChange(path, null, "x"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.readAll()).isEmpty();
        }
        assertThat(folder.resolve("outside.json")).doesNotExist();
        assertThat(Files.readString(root().resolve("warden-store.json"))).contains("\"format\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.json", "accounts/111122223333/users/alice.json", "with space.json", "a.b.c",
            "unicode-ü/東京.json", "trailing.dot.", "a/b/c/d/e/f/g/h.json"})
    void ordinaryPathsNameDocuments(String path) throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create(path, "x")));
            assertThat(store.readAll()).containsOnly(entry(path, "x"));
        }
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    @Test
    void twoStoreObjectsOnOneRootInOneJvmShareTheLockAndClosingOneLeavesTheOther() throws Exception {
        try (FileDirectoryStore first = FileDirectoryStore.open(root())) {
            try (FileDirectoryStore second = FileDirectoryStore.open(root())) {
                first.commit(List.of(DocumentChange.create("a.json", "1")));
                second.commit(List.of(DocumentChange.replace("a.json", "1", "2")));
                assertThat(first.readAll()).containsOnly(entry("a.json", "2"));
            }
            first.commit(List.of(DocumentChange.replace("a.json", "2", "3")));
            assertThat(first.readAll()).containsOnly(entry("a.json", "3"));
        }
    }

    @Test
    void anInterruptedCallerFailsWithoutBreakingTheStoreForOthers() throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(root())) {
            store.commit(List.of(DocumentChange.create("a.json", "1")));
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> store.commit(List.of(DocumentChange.replace("a.json", "1", "2"))))
                        .isInstanceOf(InterruptedIOException.class);
            } finally {
                Thread.interrupted();
            }
            store.commit(List.of(DocumentChange.replace("a.json", "1", "3")));
            assertThat(store.readAll()).containsOnly(entry("a.json", "3"));
        }
    }

    @Test
    void aClosedStoreRefusesUseAndClosesTwiceQuietly() throws Exception {
        FileDirectoryStore store = FileDirectoryStore.open(root());
        store.close();
        store.close();
        assertThatThrownBy(store::readAll).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.commit(List.of(DocumentChange.create("a.json", "x"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.watch(paths -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    private void assertNoInternalLeftovers() throws IOException {
        assertThat(root().resolve(".warden/journal")).isEmptyDirectory();
        assertThat(root().resolve(".warden/tmp")).isEmptyDirectory();
        try (Stream<Path> files = Files.walk(root())) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".warden-tmp"))).isEmpty();
        }
    }
}
