package dev.warden.core.store;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Set;

/**
 * The file operations a {@link FileDirectoryStore} builds its commits from, each durable when it returns and none
 * broken by an interrupt halfway (an interrupted NIO channel closes itself, which must not abort a commit past its
 * commit point): files are written with {@link FileOutputStream} and synced through its descriptor, folders are
 * synced with a channel that is reopened if an interrupt closed it.
 */
final class DurableFiles {

    /** Windows cannot open a folder to sync it (and NTFS journals its metadata). */
    private static final boolean SYNC_FOLDERS =
            !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private DurableFiles() {
    }

    /** Writes {@code bytes} to {@code file} (created or truncated) and syncs it to the disk. */
    static void write(Path file, byte[] bytes) throws IOException {
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            out.write(bytes);
            out.getFD().sync();
        } catch (IOException e) {
            throw withPath(file, "cannot write", e);
        }
    }

    /** Syncs {@code folder}'s entries (files created, renamed or deleted in it) to the disk. */
    static void syncFolder(Path folder) throws IOException {
        if (!SYNC_FOLDERS) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
                    channel.force(true);
                    return;
                } catch (ClosedByInterruptException e) {
                    Thread.interrupted(); // sync again with the interrupt cleared, restored below
                    interrupted = true;
                } catch (IOException e) {
                    throw withPath(folder, "cannot sync folder", e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Syncs each of {@code folders}. */
    static void syncFolders(Set<Path> folders) throws IOException {
        for (Path folder : folders) {
            syncFolder(folder);
        }
    }

    /**
     * Creates {@code folder} and its missing parents up to {@code root} (which exists), adding the folders whose
     * entries changed to {@code changed}; refuses symbolic links and files on the way.
     */
    static void createFolders(Path root, Path folder, Set<Path> changed) throws IOException {
        if (folder.equals(root)) {
            return;
        }
        BasicFileAttributes attributes = attributesOrNull(folder);
        if (attributes == null) {
            createFolders(root, folder.getParent(), changed);
            try {
                Files.createDirectory(folder);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                attributes = attributesOrNull(folder); // made by someone else meanwhile: fine if a folder
                if (attributes == null || !attributes.isDirectory() || attributes.isSymbolicLink()) {
                    throw withPath(folder, "cannot create folder", e);
                }
                return;
            } catch (IOException e) {
                throw withPath(folder, "cannot create folder", e);
            }
            changed.add(folder.getParent());
        } else if (attributes.isSymbolicLink()) {
            throw new IOException(folder + ": is a symbolic link; the store does not follow links");
        } else if (!attributes.isDirectory()) {
            throw new IOException(folder + ": exists and is not a folder");
        } else {
            createFolders(root, folder.getParent(), changed); // checks the folders above for links
        }
    }

    /** The attributes of {@code path} itself (not following a link), or {@code null} if it does not exist. */
    static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw withPath(path, "cannot read attributes", e);
        }
    }

    /** {@code e}, or an IOException naming {@code path} around it if its message does not. */
    static IOException withPath(Path path, String what, IOException e) {
        String message = e.getMessage();
        if (message != null && message.contains(path.toString())) {
            return e;
        }
        return new IOException(path + ": " + what + ": " + (message == null ? e.getClass().getSimpleName() : message),
                e);
    }
}
