package dev.warden.examples.objectstore.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the in-memory state from the data directory on start, and removes what interrupted writes left behind:
 * object bytes no metadata file names, parts no part file names, uploads whose creation never committed.
 */
final class StoreLoader {

    private static final Logger LOG = LoggerFactory.getLogger(StoreLoader.class);
    private static final Pattern PART_FILE = Pattern.compile("part-(\\d{1,5})\\.json");
    static final String UPLOAD_FILE = "upload.json";

    private StoreLoader() {
    }

    static Map<String, BucketSpace> load(Path bucketsDir) throws IOException {
        Map<String, BucketSpace> spaces = new ConcurrentHashMap<>();
        try (var dirs = Files.list(bucketsDir)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                Path bucketFile = dir.resolve(BucketSpace.BUCKET_FILE);
                if (!BucketNames.isValid(name) || !Files.isRegularFile(bucketFile)) {
                    LOG.warn("ignoring {}: not a bucket", dir);
                    continue;
                }
                Bucket bucket = StoreJson.MAPPER.readValue(bucketFile.toFile(), Bucket.class);
                BucketSpace space = new BucketSpace(dir, bucket);
                loadObjects(space);
                loadUploads(space);
                spaces.put(name, space);
            }
        }
        return spaces;
    }

    private static void loadObjects(BucketSpace space) throws IOException {
        Set<String> referenced = new HashSet<>();
        try (var metas = Files.list(space.metaDir())) {
            for (Path file : (Iterable<Path>) metas::iterator) {
                ObjectMeta meta = StoreJson.MAPPER.readValue(file.toFile(), ObjectMeta.class);
                if (!file.getFileName().toString().equals(BucketSpace.metaName(meta.key()))
                        || !Files.isRegularFile(space.dataFile(meta.dataId()))) {
                    LOG.warn("ignoring damaged object metadata {}", file);
                    continue;
                }
                referenced.add(meta.dataId());
                space.index.put(meta.key(), meta);
            }
        }
        deleteUnreferenced(space.dataDir(), referenced);
    }

    private static void loadUploads(BucketSpace space) throws IOException {
        try (var dirs = Files.list(space.uploadsDir())) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                Path uploadFile = dir.resolve(UPLOAD_FILE);
                if (!Files.isRegularFile(uploadFile)) {
                    DurableFiles.deleteTree(dir);
                    continue;
                }
                MultipartUpload upload = StoreJson.MAPPER.readValue(uploadFile.toFile(), MultipartUpload.class);
                Set<String> keep = new HashSet<>(Set.of(UPLOAD_FILE));
                try (var files = Files.list(dir)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Matcher part = PART_FILE.matcher(file.getFileName().toString());
                        if (part.matches()) {
                            keep.add(file.getFileName().toString());
                            keep.add(StoreJson.MAPPER.readValue(file.toFile(), PartInfo.class).dataId());
                        }
                    }
                }
                deleteUnreferenced(dir, keep);
                space.uploads.put(upload.uploadId(), upload);
            }
        }
    }

    private static void deleteUnreferenced(Path dir, Set<String> keep) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!keep.contains(file.getFileName().toString())) {
                    LOG.info("removing {}, left by an interrupted write", file);
                    DurableFiles.deleteTree(file);
                }
            }
        }
    }

    static boolean isPartFile(String name) {
        return PART_FILE.matcher(name).matches();
    }
}
