package dev.warden.examples.objectstore.storage;

import java.time.Instant;

/**
 * An uploaded part, as stored in its {@code part-N.json}.
 *
 * @param number its part number, 1 to 10,000
 * @param dataId the generated name of the file holding its bytes
 * @param size its length
 * @param etag the hex MD5 of its bytes, without quotes
 * @param lastModified when it was uploaded
 */
public record PartInfo(int number, String dataId, long size, String etag, Instant lastModified) {

    /** The entity tag as HTTP sends it, in double quotes. */
    public String quotedEtag() {
        return '"' + etag + '"';
    }
}
