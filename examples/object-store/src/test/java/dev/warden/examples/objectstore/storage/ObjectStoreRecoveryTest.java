package dev.warden.examples.objectstore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reopening a store rebuilds its buckets, index and uploads from disk, and removes what crashes left behind. */
class ObjectStoreRecoveryTest {

    private Path dir;

    @BeforeEach
    void create() throws IOException {
        dir = Files.createTempDirectory("store-recovery");
    }

    @AfterEach
    void clean() throws IOException {
        StoreFiles.deleteTree(dir);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reopeningRebuildsBucketsObjectsAndUploads() throws Exception {
        ObjectStore first = ObjectStore.open(dir, Clock.systemUTC());
        first.createBucket("seeds", "111122223333", "eu-west-1", CannedAcl.PUBLIC_READ);
        first.putBucketPolicy("seeds", "{\"Version\":\"2012-10-17\"}");
        ObjectHeaders headers = new ObjectHeaders("text/plain", null, null, null, null, null, Map.of("a", "b"),
                CannedAcl.PUBLIC_READ);
        ObjectMeta written = first.put("seeds", "dir/key one", bytes("one"), headers, null);
        first.put("seeds", "dir/key two", bytes("two"), ObjectHeaders.NONE, null);
        MultipartUpload upload = first.multipart().create("seeds", "big", ObjectHeaders.NONE);
        first.multipart().uploadPart("seeds", "big", upload.uploadId(), 3, bytes("part"), null);

        ObjectStore second = ObjectStore.open(dir, Clock.systemUTC());

        Bucket bucket = second.requireBucket("seeds");
        assertThat(bucket.owner()).isEqualTo("111122223333");
        assertThat(bucket.region()).isEqualTo("eu-west-1");
        assertThat(bucket.acl()).isEqualTo(CannedAcl.PUBLIC_READ);
        assertThat(bucket.policy()).isEqualTo("{\"Version\":\"2012-10-17\"}");
        assertThat(second.list("seeds", new ListQuery("", null, null, 1000)).objects())
                .extracting(ObjectMeta::key).containsExactly("dir/key one", "dir/key two");
        assertThat(second.find("seeds", "dir/key one")).contains(written);
        assertThat(second.multipart().uploads("seeds")).extracting(MultipartUpload::uploadId)
                .containsExactly(upload.uploadId());
        assertThat(second.multipart().parts("seeds", "big", upload.uploadId())).extracting(PartInfo::number)
                .containsExactly(3);
    }

    @Test
    void orphansOfInterruptedWritesAreRemovedOnOpen() throws Exception {
        ObjectStore first = ObjectStore.open(dir, Clock.systemUTC());
        first.createBucket("seeds", "111122223333", null, CannedAcl.PRIVATE);
        first.put("seeds", "kept", bytes("kept"), ObjectHeaders.NONE, null);
        MultipartUpload upload = first.multipart().create("seeds", "big", ObjectHeaders.NONE);
        Path bucketDir = dir.resolve("buckets/seeds");
        // what a crash can leave: a staged body, bytes placed but never committed, a part's bytes without its
        // part file, and an upload directory whose upload.json was never moved in
        Files.writeString(dir.resolve("staging/0f0f-staged"), "half a body");
        Files.writeString(bucketDir.resolve("data/uncommitted-data"), "never committed");
        Files.writeString(bucketDir.resolve("uploads/" + upload.uploadId() + "/stray-part"), "no part file");
        Files.createDirectories(bucketDir.resolve("uploads/half-created"));

        ObjectStore second = ObjectStore.open(dir, Clock.systemUTC());

        assertThat(StoreFiles.files(dir.resolve("staging"))).isEmpty();
        assertThat(StoreFiles.files(bucketDir.resolve("data"))).hasSize(1);
        assertThat(Files.exists(bucketDir.resolve("uploads/" + upload.uploadId() + "/stray-part"))).isFalse();
        assertThat(Files.exists(bucketDir.resolve("uploads/half-created"))).isFalse();
        assertThat(second.find("seeds", "kept")).isPresent();
        assertThat(second.multipart().uploads("seeds")).hasSize(1);
    }

    @Test
    void metadataWhoseBytesAreMissingIsIgnored() throws Exception {
        ObjectStore first = ObjectStore.open(dir, Clock.systemUTC());
        first.createBucket("seeds", "111122223333", null, CannedAcl.PRIVATE);
        ObjectMeta meta = first.put("seeds", "k", bytes("x"), ObjectHeaders.NONE, null);
        Files.delete(dir.resolve("buckets/seeds/data/" + meta.dataId()));

        ObjectStore second = ObjectStore.open(dir, Clock.systemUTC());

        assertThat(second.find("seeds", "k")).isEmpty();
    }
}
