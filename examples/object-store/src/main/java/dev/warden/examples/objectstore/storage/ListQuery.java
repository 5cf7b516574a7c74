package dev.warden.examples.objectstore.storage;

/**
 * What a listing asks for.
 *
 * @param prefix only keys starting with it ({@code ""} for all)
 * @param delimiter keys containing it after the prefix are rolled up into common prefixes; {@code null} or empty for
 *     none
 * @param after only keys (and common prefixes) after it, exclusive: a marker, start-after or the last entry of the
 *     previous page; {@code null} for none
 * @param maxKeys at most this many keys and common prefixes together
 */
public record ListQuery(String prefix, String delimiter, String after, int maxKeys) {

    public ListQuery {
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        after = after == null || after.isEmpty() ? null : after;
        if (maxKeys < 0) {
            throw new IllegalArgumentException("maxKeys < 0");
        }
    }
}
