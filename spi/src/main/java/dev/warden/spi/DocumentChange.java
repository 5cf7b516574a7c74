package dev.warden.spi;

import java.util.Objects;

/**
 * One document of a {@link DirectoryStore} commit, written compare-and-swap: the change applies only if the
 * document still holds what the writer read.
 *
 * @param path the document's relative path, {@code /}-separated, e.g. {@code accounts/111122223333/users/alice.json}
 * @param expected the content the writer based its change on, or {@code null} if the document must not exist yet
 * @param replacement the new content, or {@code null} to delete the document
 */
public record DocumentChange(String path, String expected, String replacement) {

    public DocumentChange {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")
                || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
            throw new IllegalArgumentException("document path must be relative, '/'-separated and normalized: " + path);
        }
        if (expected == null && replacement == null) {
            throw new IllegalArgumentException("a change must create, replace or delete: " + path);
        }
    }

    /** A document that must not exist yet. */
    public static DocumentChange create(String path, String content) {
        return new DocumentChange(path, null, Objects.requireNonNull(content, "content"));
    }

    /** A document replaced, if it still holds {@code expected}. */
    public static DocumentChange replace(String path, String expected, String replacement) {
        return new DocumentChange(path, Objects.requireNonNull(expected, "expected"),
                Objects.requireNonNull(replacement, "replacement"));
    }

    /** A document deleted, if it still holds {@code expected}. */
    public static DocumentChange delete(String path, String expected) {
        return new DocumentChange(path, Objects.requireNonNull(expected, "expected"), null);
    }

    @Override
    public String toString() {
        String what = expected == null ? "create" : replacement == null ? "delete" : "replace";
        return what + " " + path;
    }
}
