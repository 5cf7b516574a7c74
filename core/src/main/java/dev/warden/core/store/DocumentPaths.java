package dev.warden.core.store;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Which relative paths name documents of a {@link FileDirectoryStore}, and where they live under its root.
 *
 * <p>A document path is relative, {@code /}-separated and normalized (as {@link dev.warden.spi.DocumentChange}
 * checks), has no empty segment, and none of its segments is hidden: a name starting with {@code .} or {@code #}
 * or ending with {@code ~} belongs to the store ({@code .warden/}, temporary files) or to an editor (swap, backup
 * and lock files), never to the directory. The root's marker {@code warden-store.json} is not a document either.
 */
final class DocumentPaths {

    /** The file that makes a directory a store. */
    static final String MARKER = "warden-store.json";
    /** The store's own folder: lock, journal, temporary files. */
    static final String INTERNAL = ".warden";

    private DocumentPaths() {
    }

    /**
     * Checks that {@code path} can name a document.
     *
     * @throws IllegalArgumentException with the path and the reason if it cannot
     */
    static void check(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")
                || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("document path must be relative, '/'-separated and normalized: " + path);
        }
        for (int start = 0, end; start <= path.length(); start = end + 1) {
            end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            boolean dots = length <= 2 && path.startsWith(length == 1 ? "." : "..", start);
            if (length == 0 || dots) {
                throw new IllegalArgumentException(
                        "document path must be relative, '/'-separated and normalized: " + path);
            }
            char first = path.charAt(start);
            if (first == '.' || first == '#' || path.charAt(end - 1) == '~') {
                throw new IllegalArgumentException("document path has a reserved segment '"
                        + path.substring(start, end)
                        + "' (names starting with '.' or '#' or ending with '~' are not documents): " + path);
            }
        }
        if (path.length() == MARKER.length() && path.equalsIgnoreCase(MARKER)) {
            throw new IllegalArgumentException("'" + MARKER + "' is the store's marker, not a document");
        }
    }

    /** Whether {@code path} (found on disk) can name a document: what {@link #check} accepts. */
    static boolean isDocument(String path) {
        try {
            check(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a file or folder name is outside the directory: the store's internals, editors' files. */
    static boolean isHidden(String name) {
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~");
    }

    /** The file of an already {@linkplain #check checked} document path under {@code root}. */
    static Path resolve(Path root, String path) {
        Path file = root.resolve(File.separatorChar == '/' ? path : path.replace('/', File.separatorChar));
        if (!file.normalize().startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("document path escapes the store: " + path);
        }
        return file;
    }

    /** The document path of {@code file} under {@code root} ({@code /}-separated). */
    static String relative(Path root, Path file) {
        String relative = root.relativize(file).toString();
        return File.separatorChar == '/' ? relative : relative.replace(File.separatorChar, '/');
    }

    /**
     * Refuses a document whose folders, below the root, include a symbolic link: the store never follows links
     * out of its root.
     *
     * @return {@code false} if a folder on the way does not exist (so neither does the document)
     */
    static boolean foldersAreReal(Path root, Path file, String path) throws IOException {
        Path relative = root.relativize(file);
        Path folder = root;
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            folder = folder.resolve(relative.getName(i));
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return false;
            }
            if (attributes.isSymbolicLink()) {
                throw new IOException(path + ": " + folder + " is a symbolic link; the store does not follow links");
            }
            if (!attributes.isDirectory()) {
                throw new IOException(path + ": " + folder + " is not a folder");
            }
        }
        return true;
    }
}
