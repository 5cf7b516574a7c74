package dev.warden.examples.objectstore.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * A stored object's metadata, kept in a file of its own whose replacement is the commit point of every write.
 *
 * @param key the object key, exactly as given
 * @param dataId the generated name of the file holding its bytes (never derived from the key)
 * @param size its length in bytes
 * @param etag its entity tag without quotes: the hex MD5 of the bytes, or for a multipart object the hex MD5 of its
 *     parts' binary MD5s followed by {@code -N}
 * @param lastModified when it was written
 * @param headers what the writer said about it
 * @param partSizes for an object a multipart upload assembled, the size of each of its parts in order; empty for
 *     an object written whole (metadata written before parts were recorded read as empty too)
 */
public record ObjectMeta(String key, String dataId, long size, String etag, Instant lastModified,
                         ObjectHeaders headers, List<Long> partSizes) {

    public ObjectMeta {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dataId, "dataId");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        headers = headers == null ? ObjectHeaders.NONE : headers;
        partSizes = partSizes == null ? List.of() : List.copyOf(partSizes);
    }

    /** An object written whole. */
    public ObjectMeta(String key, String dataId, long size, String etag, Instant lastModified, ObjectHeaders headers) {
        this(key, dataId, size, etag, lastModified, headers, List.of());
    }

    /**
     * Where part {@code number} (from 1) lies in the object; an object written whole is its own part 1. Empty when
     * the object has no such part.
     */
    public Optional<Part> part(int number) {
        if (partSizes.isEmpty()) {
            return number == 1 ? Optional.of(new Part(0, size)) : Optional.empty();
        }
        if (number < 1 || number > partSizes.size()) {
            return Optional.empty();
        }
        long first = 0;
        for (int i = 0; i < number - 1; i++) {
            first += partSizes.get(i);
        }
        return Optional.of(new Part(first, partSizes.get(number - 1)));
    }

    /** One part of an object: its first byte and its length. */
    public record Part(long first, long length) {
    }

    /** How many parts the object has: 1 for an object written whole. */
    public int partCount() {
        return partSizes.isEmpty() ? 1 : partSizes.size();
    }

    /** The entity tag as HTTP sends it, in double quotes. */
    public String quotedEtag() {
        return '"' + etag + '"';
    }

    ObjectMeta withHeaders(ObjectHeaders newHeaders) {
        return new ObjectMeta(key, dataId, size, etag, lastModified, newHeaders, partSizes);
    }
}
