package dev.warden.examples.objectstore.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One bucket as the running store holds it: its record, the sorted index of its objects, its multipart uploads, and
 * where its files are.
 *
 * <pre>
 * buckets/NAME/bucket.json          the Bucket record
 * buckets/NAME/meta/SHA256(key).json an ObjectMeta: the file whose replacement commits a write
 * buckets/NAME/data/ID              an object's bytes, ID generated
 * buckets/NAME/uploads/UPLOAD/      upload.json, part-N.json and the parts' bytes (generated names)
 * </pre>
 *
 * Metadata files are named after a hash of the key so that a key ({@code ../x}, {@code a/b}, anything) never becomes
 * a path, while each key still has exactly one metadata file to replace atomically.
 */
final class BucketSpace {

    static final String BUCKET_FILE = "bucket.json";
    private static final int STRIPES = 64;

    final Path dir;
    final ConcurrentSkipListMap<String, ObjectMeta> index = new ConcurrentSkipListMap<>(ObjectKeys.ORDER);
    final ConcurrentHashMap<String, MultipartUpload> uploads = new ConcurrentHashMap<>();
    /** Writers hold the read lock while they commit; deleting the bucket takes the write lock. */
    final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Object[] keyStripes = new Object[STRIPES];
    private final Object[] uploadStripes = new Object[STRIPES];
    private volatile Bucket bucket;
    /** Set, under the write lock, once the bucket is deleted: writes that were waiting must then fail. */
    boolean deleted;

    BucketSpace(Path dir, Bucket bucket) {
        this.dir = dir;
        this.bucket = bucket;
        for (int i = 0; i < STRIPES; i++) {
            keyStripes[i] = new Object();
            uploadStripes[i] = new Object();
        }
    }

    Bucket bucket() {
        return bucket;
    }

    void bucket(Bucket updated) {
        this.bucket = updated;
    }

    /** The lock serializing commits of one key against each other. */
    Object stripe(String key) {
        return keyStripes[Math.floorMod(key.hashCode(), STRIPES)];
    }

    /**
     * The lock serializing changes to one multipart upload. Separate from the key locks because completing an
     * upload takes its key's lock while holding this one: the order is always upload, then key.
     */
    Object uploadStripe(String uploadId) {
        return uploadStripes[Math.floorMod(uploadId.hashCode(), STRIPES)];
    }

    Path bucketFile() {
        return dir.resolve(BUCKET_FILE);
    }

    Path metaDir() {
        return dir.resolve("meta");
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    Path uploadsDir() {
        return dir.resolve("uploads");
    }

    Path metaFile(String key) {
        return metaDir().resolve(metaName(key));
    }

    Path dataFile(String dataId) {
        return dataDir().resolve(dataId);
    }

    Path uploadDir(String uploadId) {
        return uploadsDir().resolve(uploadId);
    }

    static String metaName(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
