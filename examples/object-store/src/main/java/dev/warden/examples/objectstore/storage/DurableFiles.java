package dev.warden.examples.objectstore.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Crash-safe writes: every file is first written and synced in the staging directory (on the store's own file
 * system), then moved into place atomically, and the directory it lands in is synced. A crash leaves either the old
 * file or the new one, plus at worst a stray temporary file that {@link #clearStaging()} removes on the next start.
 */
final class DurableFiles {

    private static final int BUFFER = 64 * 1024;

    private final Path staging;

    DurableFiles(Path staging) throws IOException {
        this.staging = Files.createDirectories(staging);
    }

    /** Empties the staging directory: whatever is there was left by a crash or a failed write. */
    void clearStaging() throws IOException {
        try (var children = Files.list(staging)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                deleteTree(child);
            }
        }
    }

    /** A fresh path in the staging directory, not yet created. */
    Path stagingPath() {
        return staging.resolve(UUID.randomUUID().toString());
    }

    /**
     * Copies {@code in} to its end into a synced temporary file, hashing it. Any failure (the stream's included:
     * a body whose signature check fails at its end) deletes the file before it propagates.
     *
     * @param maxBytes beyond this many bytes the write stops with {@code EntityTooLarge}
     */
    Staged stage(InputStream in, long maxBytes) throws IOException, StoreException {
        return stage(in, maxBytes, Long.MAX_VALUE);
    }

    /** As {@link #stage(InputStream, long)}, but stops after {@code length} bytes (a range of a larger stream). */
    Staged stage(InputStream in, long maxBytes, long length) throws IOException, StoreException {
        Path file = stagingPath();
        MessageDigest md5 = md5();
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while (size < length && (n = in.read(buffer, 0, (int) Math.min(buffer.length, length - size))) != -1) {
                size += n;
                if (size > maxBytes) {
                    throw new StoreException(StoreFailure.ENTITY_TOO_LARGE);
                }
                md5.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }
            channel.force(true);
        } catch (IOException | StoreException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Staged(file, size, md5.digest());
    }

    /** Moves a staged file to {@code target} (which must not exist) atomically and syncs its directory. */
    void place(Staged staged, Path target) throws IOException {
        try {
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(staged.file());
            throw e;
        }
        syncDirectory(target.getParent());
    }

    /**
     * Writes {@code value} as JSON to {@code target}, replacing any file there in one atomic step: the commit point
     * of the store's writes.
     */
    void commitJson(Path target, Object value) throws IOException {
        Path temp = stagingPath();
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(StoreJson.MAPPER.writeValueAsBytes(value));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            moveReplacing(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(target.getParent());
    }

    /** Moves {@code source} to {@code target} atomically, replacing it (POSIX rename semantics). */
    static void moveReplacing(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the store's directory must be on a file system with atomic renames", e);
        }
    }

    /** Makes a directory's entries durable; a no-op where the platform cannot open directories. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; its renames are durable through the journal instead.
        }
    }

    /** Deletes {@code root} and everything under it; missing entries are fine. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("the JDK has no MD5", e));
        }
    }
}
