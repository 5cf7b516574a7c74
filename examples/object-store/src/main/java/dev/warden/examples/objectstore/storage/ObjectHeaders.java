package dev.warden.examples.objectstore.storage;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a client said about an object when it wrote it, given back on every read: the representation headers, the
 * user metadata ({@code x-amz-meta-*}, names lower-cased without the prefix) and the canned ACL.
 *
 * @param contentType {@code Content-Type}, or {@code null} for S3's default {@code binary/octet-stream}
 * @param contentEncoding {@code Content-Encoding}, or {@code null}
 * @param contentDisposition {@code Content-Disposition}, or {@code null}
 * @param cacheControl {@code Cache-Control}, or {@code null}
 * @param contentLanguage {@code Content-Language}, or {@code null}
 * @param expires {@code Expires} as sent, or {@code null}
 * @param userMetadata user metadata, sorted by name
 * @param acl the object's canned ACL
 */
public record ObjectHeaders(String contentType, String contentEncoding, String contentDisposition,
                            String cacheControl, String contentLanguage, String expires,
                            Map<String, String> userMetadata, CannedAcl acl) {

    /** No headers, no metadata, private. */
    public static final ObjectHeaders NONE = new ObjectHeaders(null, null, null, null, null, null, Map.of(),
            CannedAcl.PRIVATE);

    public ObjectHeaders {
        userMetadata = userMetadata == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(userMetadata));
        acl = acl == null ? CannedAcl.PRIVATE : acl;
    }

    /** The same headers with {@code newAcl}. */
    public ObjectHeaders withAcl(CannedAcl newAcl) {
        return new ObjectHeaders(contentType, contentEncoding, contentDisposition, cacheControl, contentLanguage,
                expires, userMetadata, newAcl);
    }
}
