package dev.warden.examples.objectstore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A write that fails while its body is read leaves nothing behind, and never damages the object it would replace. */
class ObjectStoreAtomicityTest {

    private Path dir;
    private ObjectStore store;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("store-atomicity");
        store = ObjectStore.open(dir, Clock.systemUTC());
        store.createBucket("bucket", "111122223333", null, CannedAcl.PRIVATE);
    }

    @AfterEach
    void clean() throws IOException {
        StoreFiles.deleteTree(dir);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> objectFiles() throws IOException {
        return StoreFiles.files(dir).stream().filter(f -> !f.endsWith("bucket.json")).toList();
    }

    @Test
    void bodyFailingAtItsEndStoresNothingAndLeavesNoTemporaryFile() throws Exception {
        assertThatThrownBy(() -> store.put("bucket", "k", new FailingStream(3 * 64 * 1024 + 17), ObjectHeaders.NONE,
                null)).isInstanceOf(IOException.class).hasMessageContaining("rejected");

        assertThat(store.find("bucket", "k")).isEmpty();
        assertThat(objectFiles()).isEmpty();
    }

    @Test
    void failedOverwriteKeepsTheOldObjectWhole() throws Exception {
        store.put("bucket", "k", bytes("old contents"), ObjectHeaders.NONE, null);
        List<String> before = objectFiles();

        assertThatThrownBy(() -> store.put("bucket", "k", new FailingStream(100_000), ObjectHeaders.NONE, null))
                .isInstanceOf(IOException.class);

        try (ObjectContent content = store.open("bucket", "k")) {
            assertThat(new String(java.nio.channels.Channels.newInputStream(content.channel()).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("old contents");
        }
        assertThat(objectFiles()).isEqualTo(before);
    }

    @Test
    void wrongContentMd5IsBadDigestAndStoresNothing() throws Exception {
        assertThatThrownBy(() -> store.put("bucket", "k", bytes("hello"), ObjectHeaders.NONE, new byte[16]))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.failure()).isEqualTo(StoreFailure.BAD_DIGEST));

        assertThat(store.find("bucket", "k")).isEmpty();
    }

    @Test
    void failingPartLeavesTheUploadAsItWas() throws Exception {
        MultipartUpload upload = store.multipart().create("bucket", "k", ObjectHeaders.NONE);
        store.multipart().uploadPart("bucket", "k", upload.uploadId(), 1, bytes("first"), null);

        assertThatThrownBy(() -> store.multipart().uploadPart("bucket", "k", upload.uploadId(), 1,
                new FailingStream(10), null)).isInstanceOf(IOException.class);

        assertThat(store.multipart().parts("bucket", "k", upload.uploadId())).singleElement()
                .extracting(PartInfo::size).isEqualTo(5L);
        assertThat(StoreFiles.files(dir.resolve("staging"))).isEmpty();
    }

    @Test
    void objectFilesAreNeverNamedAfterTheirKeys() throws Exception {
        store.put("bucket", "../../escape", bytes("x"), ObjectHeaders.NONE, null);
        store.put("bucket", "dir/file.txt", bytes("y"), ObjectHeaders.NONE, null);

        assertThat(objectFiles()).allSatisfy(f -> assertThat(f).doesNotContain("escape").doesNotContain("file.txt"));
        assertThat(Files.exists(dir.resolve("escape"))).isFalse();
        assertThat(store.find("bucket", "../../escape")).isPresent();
    }
}
