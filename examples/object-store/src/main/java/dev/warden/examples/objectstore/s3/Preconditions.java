package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.ObjectMeta;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * GetObject's and HeadObject's conditional headers, with S3's precedence: a true {@code If-Match} overrides a false
 * {@code If-Unmodified-Since}, and a false {@code If-None-Match} overrides a true {@code If-Modified-Since}.
 */
final class Preconditions {

    private Preconditions() {
    }

    /**
     * Whether the object is unchanged for the client (304); {@code PreconditionFailed} (412) when a condition for
     * serving it does not hold.
     */
    static boolean notModified(S3Request request, ObjectMeta meta) throws S3Exception {
        Instant modified = meta.lastModified().truncatedTo(ChronoUnit.SECONDS);
        String ifMatch = request.header("If-Match");
        if (ifMatch != null) {
            if (!matches(ifMatch, meta)) {
                throw failed("If-Match");
            }
        } else {
            Instant unmodifiedSince = HttpDates.parseHeader(request.header("If-Unmodified-Since"));
            if (unmodifiedSince != null && modified.isAfter(unmodifiedSince)) {
                throw failed("If-Unmodified-Since");
            }
        }
        String ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, meta);
        }
        Instant modifiedSince = HttpDates.parseHeader(request.header("If-Modified-Since"));
        return modifiedSince != null && !modified.isAfter(modifiedSince);
    }

    private static boolean matches(String header, ObjectMeta meta) {
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(meta.quotedEtag()) || t.equals(meta.etag())) {
                return true;
            }
        }
        return false;
    }

    private static S3Exception failed(String condition) {
        return new S3Exception(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not"
                + " hold").with("Condition", condition);
    }
}
