package dev.warden.spi;

import java.util.Map;
import java.util.Objects;

/**
 * Documents as read from a {@link DirectoryStore}: the text of each readable document by path, and each document
 * that exists but cannot be read (no permission, an I/O error, bytes that are not UTF-8, a file over the store's
 * size limit), by path, with why. A document in neither map does not exist.
 *
 * @param readable the text of each readable document, by path
 * @param unreadable why each unreadable document cannot be read, by path (a reason without the path, e.g.
 *     {@code permission denied})
 */
public record StoredDocuments(Map<String, String> readable, Map<String, String> unreadable) {

    public StoredDocuments {
        Objects.requireNonNull(readable, "readable");
        Objects.requireNonNull(unreadable, "unreadable");
    }
}
