package dev.warden.examples.objectstore.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Buckets and objects on disk, S3's data model: every write is streamed to a synced temporary file and committed by
 * atomically replacing one metadata file, so a crash leaves the old object or the new one, never a mix, and a
 * failed upload leaves nothing. Keys live only inside metadata files; file names are generated. Each bucket's keys
 * are indexed in memory (rebuilt on {@link #open}), so listings never touch the disk. Thread-safe.
 */
public final class ObjectStore {

    /** S3's largest single PUT (and part): 5 GiB. */
    public static final long MAX_PUT_BYTES = 5L * 1024 * 1024 * 1024;

    private final Path bucketsDir;
    private final DurableFiles files;
    private final Clock clock;
    private final Map<String, BucketSpace> spaces;
    private final MultipartUploads multipart;
    /** Serializes bucket creation and deletion (the bucket namespace), never object traffic. */
    private final Object namespace = new Object();

    private ObjectStore(Path bucketsDir, DurableFiles files, Clock clock, Map<String, BucketSpace> spaces) {
        this.bucketsDir = bucketsDir;
        this.files = files;
        this.clock = clock;
        this.spaces = spaces;
        this.multipart = new MultipartUploads(this, files);
    }

    /**
     * Opens (creating it if needed) the store in {@code root}: clears what interrupted writes left, then rebuilds the
     * index of every bucket. One store per directory.
     */
    public static ObjectStore open(Path root, Clock clock) throws IOException {
        Path bucketsDir = Files.createDirectories(root.resolve("buckets"));
        DurableFiles files = new DurableFiles(root.resolve("staging"));
        files.clearStaging();
        return new ObjectStore(bucketsDir, files, clock, StoreLoader.load(bucketsDir));
    }

    /** The multipart uploads of this store's buckets. */
    public MultipartUploads multipart() {
        return multipart;
    }

    // ---------------------------------------------------------------- buckets

    /**
     * Creates bucket {@code name} for {@code owner}.
     *
     * @param region the region the client asked for, or {@code null}
     *
     * @throws StoreException {@code InvalidBucketName}, {@code BucketAlreadyOwnedByYou}, {@code BucketAlreadyExists}
     */
    public Bucket createBucket(String name, String owner, String region, CannedAcl acl)
            throws StoreException, IOException {
        BucketNames.validate(name);
        synchronized (namespace) {
            BucketSpace existing = spaces.get(name);
            if (existing != null) {
                throw new StoreException(existing.bucket().owner().equals(owner)
                        ? StoreFailure.BUCKET_ALREADY_OWNED_BY_YOU : StoreFailure.BUCKET_ALREADY_EXISTS);
            }
            Bucket bucket = new Bucket(name, owner, now(), region, null, acl);
            // built aside and moved in whole: a bucket directory exists complete or not at all
            Path staged = files.stagingPath();
            try {
                Files.createDirectories(staged.resolve("meta"));
                Files.createDirectories(staged.resolve("data"));
                Files.createDirectories(staged.resolve("uploads"));
                files.commitJson(staged.resolve(BucketSpace.BUCKET_FILE), bucket);
                Path dir = bucketsDir.resolve(name);
                Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
                DurableFiles.syncDirectory(bucketsDir);
                spaces.put(name, new BucketSpace(dir, bucket));
            } finally {
                DurableFiles.deleteTree(staged);
            }
            return bucket;
        }
    }

    /**
     * Deletes an empty bucket, and any multipart uploads still in it.
     *
     * @throws StoreException {@code NoSuchBucket}, {@code BucketNotEmpty}
     */
    public void deleteBucket(String name) throws StoreException, IOException {
        synchronized (namespace) {
            BucketSpace space = space(name);
            space.lifecycle.writeLock().lock();
            try {
                if (!space.index.isEmpty()) {
                    throw new StoreException(StoreFailure.BUCKET_NOT_EMPTY);
                }
                Path trash = files.stagingPath();
                Files.move(space.dir, trash, StandardCopyOption.ATOMIC_MOVE);
                DurableFiles.syncDirectory(bucketsDir);
                space.deleted = true;
                spaces.remove(name);
                DurableFiles.deleteTree(trash);
            } finally {
                space.lifecycle.writeLock().unlock();
            }
        }
    }

    /** The bucket called {@code name}, if it exists. */
    public Optional<Bucket> bucket(String name) {
        BucketSpace space = spaces.get(name);
        return space == null ? Optional.empty() : Optional.of(space.bucket());
    }

    /** The bucket called {@code name}, or {@code NoSuchBucket}. */
    public Bucket requireBucket(String name) throws StoreException {
        return space(name).bucket();
    }

    /** The buckets {@code owner} owns, by name. */
    public List<Bucket> buckets(String owner) {
        return spaces.values().stream().map(BucketSpace::bucket).filter(b -> b.owner().equals(owner))
                .sorted(Comparator.comparing(Bucket::name)).toList();
    }

    /** Sets (or, with {@code null}, removes) the bucket policy, stored verbatim. The caller validates it. */
    public Bucket putBucketPolicy(String name, String policy) throws StoreException, IOException {
        return updateBucket(name, bucket -> bucket.withPolicy(policy));
    }

    /** Sets the bucket's canned ACL. */
    public Bucket putBucketAcl(String name, CannedAcl acl) throws StoreException, IOException {
        return updateBucket(name, bucket -> bucket.withAcl(acl));
    }

    private Bucket updateBucket(String name, java.util.function.UnaryOperator<Bucket> change)
            throws StoreException, IOException {
        BucketSpace space = space(name);
        space.lifecycle.readLock().lock();
        try {
            checkLive(space);
            synchronized (space) {
                Bucket updated = change.apply(space.bucket());
                files.commitJson(space.bucketFile(), updated);
                space.bucket(updated);
                return updated;
            }
        } finally {
            space.lifecycle.readLock().unlock();
        }
    }

    // ---------------------------------------------------------------- objects

    /**
     * Stores {@code body}, read to its end, as {@code key}. Nothing is stored if reading fails, however late.
     *
     * @param contentMd5 the MD5 the client announced ({@code Content-MD5}), or {@code null}
     * @throws StoreException {@code NoSuchBucket}, {@code KeyTooLongError}, {@code BadDigest},
     *     {@code EntityTooLarge}
     */
    public ObjectMeta put(String bucket, String key, InputStream body, ObjectHeaders headers, byte[] contentMd5)
            throws StoreException, IOException {
        BucketSpace space = space(bucket);
        ObjectKeys.validate(key);
        Staged staged = files.stage(body, MAX_PUT_BYTES);
        if (contentMd5 != null && !Arrays.equals(contentMd5, staged.md5())) {
            Files.deleteIfExists(staged.file());
            throw new StoreException(StoreFailure.BAD_DIGEST);
        }
        return commit(space, key, staged, HexFormat.of().formatHex(staged.md5()), headers, List.of());
    }

    /** The object's metadata, if it exists; {@code NoSuchBucket} if the bucket does not. */
    public Optional<ObjectMeta> find(String bucket, String key) throws StoreException {
        return Optional.ofNullable(space(bucket).index.get(key));
    }

    /**
     * Opens {@code key} for reading.
     *
     * @throws StoreException {@code NoSuchBucket}, {@code NoSuchKey}
     */
    public ObjectContent open(String bucket, String key) throws StoreException, IOException {
        BucketSpace space = space(bucket);
        // a concurrent overwrite may delete the bytes between the lookup and the open: look again
        for (int attempt = 0; attempt < 3; attempt++) {
            ObjectMeta meta = space.index.get(key);
            if (meta == null) {
                break;
            }
            try {
                return new ObjectContent(meta, FileChannel.open(space.dataFile(meta.dataId()),
                        StandardOpenOption.READ));
            } catch (NoSuchFileException e) {
                Thread.onSpinWait();
            }
        }
        throw new StoreException(StoreFailure.NO_SUCH_KEY);
    }

    /**
     * Copies an object's bytes (all, or {@code first..last} inclusive when {@code range} is given) to
     * {@code targetKey}.
     *
     * @param headers what the copy carries (the source's, or replaced ones: the caller decides)
     */
    public ObjectMeta copy(String sourceBucket, String sourceKey, String targetBucket, String targetKey,
                           ObjectHeaders headers) throws StoreException, IOException {
        BucketSpace target = space(targetBucket);
        ObjectKeys.validate(targetKey);
        Staged staged;
        try (ObjectContent source = open(sourceBucket, sourceKey)) {
            staged = files.stage(Channels.newInputStream(source.channel()), Long.MAX_VALUE);
        }
        return commit(target, targetKey, staged, HexFormat.of().formatHex(staged.md5()), headers, List.of());
    }

    /** Deletes {@code key}; whether it existed. {@code NoSuchBucket} if the bucket does not exist. */
    public boolean delete(String bucket, String key) throws StoreException, IOException {
        BucketSpace space = space(bucket);
        space.lifecycle.readLock().lock();
        try {
            checkLive(space);
            synchronized (space.stripe(key)) {
                ObjectMeta old = space.index.get(key);
                if (old == null) {
                    return false;
                }
                Files.deleteIfExists(space.metaFile(key));
                DurableFiles.syncDirectory(space.metaDir());
                space.index.remove(key);
                Files.deleteIfExists(space.dataFile(old.dataId()));
                return true;
            }
        } finally {
            space.lifecycle.readLock().unlock();
        }
    }

    /** Sets an object's canned ACL. {@code NoSuchBucket}, {@code NoSuchKey}. */
    public ObjectMeta putObjectAcl(String bucket, String key, CannedAcl acl) throws StoreException, IOException {
        BucketSpace space = space(bucket);
        space.lifecycle.readLock().lock();
        try {
            checkLive(space);
            synchronized (space.stripe(key)) {
                ObjectMeta old = space.index.get(key);
                if (old == null) {
                    throw new StoreException(StoreFailure.NO_SUCH_KEY);
                }
                ObjectMeta updated = old.withHeaders(old.headers().withAcl(acl));
                files.commitJson(space.metaFile(key), updated);
                space.index.put(key, updated);
                return updated;
            }
        } finally {
            space.lifecycle.readLock().unlock();
        }
    }

    /** One page of the bucket's keys. {@code NoSuchBucket}. */
    public Listing list(String bucket, ListQuery query) throws StoreException {
        return Lister.list(space(bucket).index, query);
    }

    // ---------------------------------------------------------------- shared with MultipartUploads

    /**
     * Makes staged bytes the object {@code key}: the one place where objects come to exist.
     *
     * @param partSizes the sizes of the parts a multipart upload assembled it from; empty for an object written whole
     */
    ObjectMeta commit(BucketSpace space, String key, Staged staged, String etag, ObjectHeaders headers,
                      List<Long> partSizes) throws StoreException, IOException {
        space.lifecycle.readLock().lock();
        try {
            if (space.deleted) {
                Files.deleteIfExists(staged.file());
                throw new StoreException(StoreFailure.NO_SUCH_BUCKET);
            }
            String dataId = UUID.randomUUID().toString();
            Path data = space.dataFile(dataId);
            files.place(staged, data);
            ObjectMeta meta = new ObjectMeta(key, dataId, staged.size(), etag, now(), headers, partSizes);
            synchronized (space.stripe(key)) {
                try {
                    files.commitJson(space.metaFile(key), meta);
                } catch (IOException e) {
                    Files.deleteIfExists(data);
                    throw e;
                }
                ObjectMeta old = space.index.put(key, meta);
                if (old != null) {
                    Files.deleteIfExists(space.dataFile(old.dataId()));
                }
            }
            return meta;
        } finally {
            space.lifecycle.readLock().unlock();
        }
    }

    BucketSpace space(String bucket) throws StoreException {
        BucketSpace space = bucket == null ? null : spaces.get(bucket);
        if (space == null) {
            throw new StoreException(StoreFailure.NO_SUCH_BUCKET);
        }
        return space;
    }

    static void checkLive(BucketSpace space) throws StoreException {
        if (space.deleted) {
            throw new StoreException(StoreFailure.NO_SUCH_BUCKET);
        }
    }

    /** Now, to the millisecond: what S3's listings show. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
