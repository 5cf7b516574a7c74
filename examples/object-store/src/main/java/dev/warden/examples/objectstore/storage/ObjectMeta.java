package dev.warden.examples.objectstore.storage;

import java.time.Instant;
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
 */
public record ObjectMeta(String key, String dataId, long size, String etag, Instant lastModified,
                         ObjectHeaders headers) {

    public ObjectMeta {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dataId, "dataId");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        headers = headers == null ? ObjectHeaders.NONE : headers;
    }

    /** The entity tag as HTTP sends it, in double quotes. */
    public String quotedEtag() {
        return '"' + etag + '"';
    }

    ObjectMeta withHeaders(ObjectHeaders newHeaders) {
        return new ObjectMeta(key, dataId, size, etag, lastModified, newHeaders);
    }
}
