package dev.warden.examples.objectstore.storage;

/**
 * A part as CompleteMultipartUpload names it.
 *
 * @param number its part number
 * @param etag its entity tag, with or without the quotes
 */
public record CompletedPart(int number, String etag) {

    /** The entity tag without quotes. */
    String bareEtag() {
        String e = etag == null ? "" : etag.trim();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
