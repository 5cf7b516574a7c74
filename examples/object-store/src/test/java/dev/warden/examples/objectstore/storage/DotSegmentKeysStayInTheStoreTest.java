package dev.warden.examples.objectstore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys with {@code .} and {@code ..} segments are only names to the store: written, read, listed and deleted inside
 * the store's folder, never as paths. (Over HTTP the route table refuses such paths before the store sees them.)
 */
class DotSegmentKeysStayInTheStoreTest {

    private Path dir;
    private ObjectStore store;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("dot-keys");
        store = ObjectStore.open(dir.resolve("store"), Clock.systemUTC());
        store.createBucket("objects", "111122223333", "us-east-1", CannedAcl.PRIVATE);
    }

    @AfterEach
    void clean() throws Exception {
        StoreFiles.deleteTree(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/../b", "../escape", "a/../../b", "..", "dots/./x", "../../../../etc/passwd"})
    void aDotSegmentKeyIsANameNotAPath(String key) throws Exception {
        ObjectHeaders headers = new ObjectHeaders("text/plain", null, null, null, null, null, Map.of(),
                CannedAcl.PRIVATE);
        store.put("objects", key, new ByteArrayInputStream(("body of " + key).getBytes(StandardCharsets.UTF_8)),
                headers, null);

        try (ObjectContent content = store.open("objects", key)) {
            assertThat(content.meta().size()).isEqualTo(("body of " + key).length());
        }
        assertThat(store.list("objects", new ListQuery(null, null, null, 10)).objects())
                .extracting(ObjectMeta::key).containsExactly(key);
        String lastSegment = key.substring(key.lastIndexOf('/') + 1);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).doesNotContain(lastSegment, "escape", "passwd");
        }
        assertThat(store.delete("objects", key)).isTrue();
        assertThat(store.find("objects", key)).isEmpty();
    }
}
