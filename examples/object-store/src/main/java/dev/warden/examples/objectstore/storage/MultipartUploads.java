package dev.warden.examples.objectstore.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * S3's multipart uploads: parts are stored (and replaced) one by one under the upload's directory, and completing
 * concatenates them into a new object through the same atomic commit as a single PUT. Thread-safe.
 */
public final class MultipartUploads {

    /** The smallest part S3 accepts, except the last: 5 MiB. */
    public static final long MIN_PART_BYTES = 5L * 1024 * 1024;
    /** The highest part number. */
    public static final int MAX_PART_NUMBER = 10_000;

    private static final HexFormat HEX = HexFormat.of();

    private final ObjectStore store;
    private final DurableFiles files;

    MultipartUploads(ObjectStore store, DurableFiles files) {
        this.store = store;
        this.files = files;
    }

    /** Starts an upload of {@code key} into {@code bucket}; the object will carry {@code headers}. */
    public MultipartUpload create(String bucket, String key, ObjectHeaders headers)
            throws StoreException, IOException {
        BucketSpace space = store.space(bucket);
        ObjectKeys.validate(key);
        String uploadId = UUID.randomUUID().toString().replace("-", "");
        MultipartUpload upload = new MultipartUpload(uploadId, key, store.now(), headers);
        Path staged = files.stagingPath();
        space.lifecycle.readLock().lock();
        try {
            ObjectStore.checkLive(space);
            Files.createDirectories(staged);
            files.commitJson(staged.resolve(StoreLoader.UPLOAD_FILE), upload);
            Files.move(staged, space.uploadDir(uploadId), StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncDirectory(space.uploadsDir());
            space.uploads.put(uploadId, upload);
            return upload;
        } finally {
            space.lifecycle.readLock().unlock();
            DurableFiles.deleteTree(staged);
        }
    }

    /**
     * Stores part {@code partNumber} of an upload, read to its end, replacing any earlier part of that number.
     *
     * @param contentMd5 the announced MD5, or {@code null}
     * @throws StoreException {@code NoSuchBucket}, {@code NoSuchUpload}, {@code BadDigest}, {@code EntityTooLarge}
     */
    public PartInfo uploadPart(String bucket, String key, String uploadId, int partNumber, InputStream body,
                               byte[] contentMd5) throws StoreException, IOException {
        BucketSpace space = store.space(bucket);
        upload(space, key, uploadId);
        Staged staged = files.stage(body, ObjectStore.MAX_PUT_BYTES);
        if (contentMd5 != null && !Arrays.equals(contentMd5, staged.md5())) {
            Files.deleteIfExists(staged.file());
            throw new StoreException(StoreFailure.BAD_DIGEST);
        }
        return commitPart(space, key, uploadId, partNumber, staged);
    }

    /**
     * Stores bytes {@code first..last} (inclusive; all when {@code first < 0}) of an existing object as a part.
     */
    public PartInfo uploadPartCopy(String bucket, String key, String uploadId, int partNumber, String sourceBucket,
                                   String sourceKey, long first, long last) throws StoreException, IOException {
        BucketSpace space = store.space(bucket);
        upload(space, key, uploadId);
        Staged staged;
        try (ObjectContent source = store.open(sourceBucket, sourceKey)) {
            FileChannel channel = source.channel();
            long length = source.meta().size();
            if (first >= 0) {
                channel.position(first);
                length = last - first + 1;
            }
            staged = files.stage(Channels.newInputStream(channel), ObjectStore.MAX_PUT_BYTES, length);
        }
        return commitPart(space, key, uploadId, partNumber, staged);
    }

    private PartInfo commitPart(BucketSpace space, String key, String uploadId, int partNumber, Staged staged)
            throws StoreException, IOException {
        space.lifecycle.readLock().lock();
        try {
            synchronized (space.uploadStripe(uploadId)) {
                Path dir;
                try {
                    ObjectStore.checkLive(space);
                    upload(space, key, uploadId);
                    dir = space.uploadDir(uploadId);
                } catch (StoreException e) {
                    Files.deleteIfExists(staged.file());
                    throw e;
                }
                String dataId = UUID.randomUUID().toString();
                files.place(staged, dir.resolve(dataId));
                PartInfo part = new PartInfo(partNumber, dataId, staged.size(), HEX.formatHex(staged.md5()),
                        store.now());
                PartInfo old = readPart(dir, partNumber);
                try {
                    files.commitJson(dir.resolve(partFile(partNumber)), part);
                } catch (IOException e) {
                    Files.deleteIfExists(dir.resolve(dataId));
                    throw e;
                }
                if (old != null) {
                    Files.deleteIfExists(dir.resolve(old.dataId()));
                }
                return part;
            }
        } finally {
            space.lifecycle.readLock().unlock();
        }
    }

    /** The upload's parts, by number. {@code NoSuchBucket}, {@code NoSuchUpload}. */
    public List<PartInfo> parts(String bucket, String key, String uploadId) throws StoreException, IOException {
        BucketSpace space = store.space(bucket);
        upload(space, key, uploadId);
        try {
            return List.copyOf(readParts(space.uploadDir(uploadId)).values());
        } catch (NoSuchFileException e) {
            throw new StoreException(StoreFailure.NO_SUCH_UPLOAD);
        }
    }

    /** The upload, if it is in progress for {@code key}. */
    public MultipartUpload find(String bucket, String key, String uploadId) throws StoreException {
        return upload(store.space(bucket), key, uploadId);
    }

    /** The bucket's uploads in progress, by key then initiation time. */
    public List<MultipartUpload> uploads(String bucket) throws StoreException {
        List<MultipartUpload> uploads = new ArrayList<>(store.space(bucket).uploads.values());
        uploads.sort(Comparator.comparing(MultipartUpload::key, ObjectKeys.ORDER)
                .thenComparing(MultipartUpload::initiated).thenComparing(MultipartUpload::uploadId));
        return uploads;
    }

    /** Ends an upload, deleting its parts. {@code NoSuchBucket}, {@code NoSuchUpload}. */
    public void abort(String bucket, String key, String uploadId) throws StoreException, IOException {
        BucketSpace space = store.space(bucket);
        space.lifecycle.readLock().lock();
        try {
            synchronized (space.uploadStripe(uploadId)) {
                upload(space, key, uploadId);
                discard(space, uploadId);
            }
        } finally {
            space.lifecycle.readLock().unlock();
        }
    }

    /**
     * Assembles the named parts into the object, atomically, and ends the upload.
     *
     * @throws StoreException {@code NoSuchUpload}, {@code InvalidPartOrder}, {@code InvalidPart},
     *     {@code EntityTooSmall}
     */
    public ObjectMeta complete(String bucket, String key, String uploadId, List<CompletedPart> requested)
            throws StoreException, IOException {
        BucketSpace space = store.space(bucket);
        space.lifecycle.readLock().lock();
        try {
            synchronized (space.uploadStripe(uploadId)) {
                MultipartUpload upload = upload(space, key, uploadId);
                Path dir = space.uploadDir(uploadId);
                List<PartInfo> chosen = choose(readParts(dir), requested);
                MessageDigest etag = DurableFiles.md5();
                List<Path> sources = new ArrayList<>();
                for (PartInfo part : chosen) {
                    etag.update(HEX.parseHex(part.etag()));
                    sources.add(dir.resolve(part.dataId()));
                }
                Staged staged;
                try (InputStream in = concatenation(sources)) {
                    staged = files.stage(in, Long.MAX_VALUE);
                }
                ObjectMeta meta = store.commit(space, key, staged,
                        HEX.formatHex(etag.digest()) + "-" + chosen.size(), upload.headers(),
                        chosen.stream().map(PartInfo::size).toList());
                discard(space, uploadId);
                return meta;
            }
        } finally {
            space.lifecycle.readLock().unlock();
        }
    }

    private static List<PartInfo> choose(Map<Integer, PartInfo> stored, List<CompletedPart> requested)
            throws StoreException {
        List<PartInfo> chosen = new ArrayList<>();
        int previous = 0;
        for (CompletedPart want : requested) {
            if (want.number() <= previous) {
                throw new StoreException(StoreFailure.INVALID_PART_ORDER);
            }
            previous = want.number();
            PartInfo part = stored.get(want.number());
            if (part == null || !part.etag().equalsIgnoreCase(want.bareEtag())) {
                throw new StoreException(StoreFailure.INVALID_PART);
            }
            chosen.add(part);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).size() < MIN_PART_BYTES) {
                throw new StoreException(StoreFailure.ENTITY_TOO_SMALL);
            }
        }
        return chosen;
    }

    /** The parts one after another, each opened only when the previous one is used up. */
    private static InputStream concatenation(List<Path> parts) {
        Iterator<Path> next = parts.iterator();
        return new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return next.hasNext();
            }

            @Override
            public InputStream nextElement() {
                try {
                    return Files.newInputStream(next.next());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    private MultipartUpload upload(BucketSpace space, String key, String uploadId) throws StoreException {
        MultipartUpload upload = uploadId == null ? null : space.uploads.get(uploadId);
        if (upload == null || !upload.key().equals(key)) {
            throw new StoreException(StoreFailure.NO_SUCH_UPLOAD);
        }
        return upload;
    }

    private void discard(BucketSpace space, String uploadId) throws IOException {
        space.uploads.remove(uploadId);
        Path trash = files.stagingPath();
        Files.move(space.uploadDir(uploadId), trash, StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.deleteTree(trash);
    }

    private static Map<Integer, PartInfo> readParts(Path dir) throws IOException {
        Map<Integer, PartInfo> parts = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (StoreLoader.isPartFile(file.getFileName().toString())) {
                    PartInfo part = StoreJson.MAPPER.readValue(file.toFile(), PartInfo.class);
                    parts.put(part.number(), part);
                }
            }
        }
        return parts;
    }

    private static PartInfo readPart(Path dir, int number) throws IOException {
        Path file = dir.resolve(partFile(number));
        return Files.isRegularFile(file) ? StoreJson.MAPPER.readValue(file.toFile(), PartInfo.class) : null;
    }

    private static String partFile(int number) {
        return "part-" + number + ".json";
    }
}
