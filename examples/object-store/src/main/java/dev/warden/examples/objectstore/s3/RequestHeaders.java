package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.CannedAcl;
import dev.warden.examples.objectstore.storage.ObjectHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What a write request's headers say about the object: representation headers, user metadata, ACL, MD5. */
final class RequestHeaders {

    private static final String META = "x-amz-meta-";
    /** Canned ACLs S3 knows that this store does not keep. */
    private static final Set<String> UNSUPPORTED_ACLS = Set.of("bucket-owner-read", "bucket-owner-full-control",
            "aws-exec-read", "log-delivery-write");
    private static final int MAX_USER_METADATA_BYTES = 2048;

    private RequestHeaders() {
    }

    /** The object headers of a PutObject, CopyObject (REPLACE) or CreateMultipartUpload request. */
    static ObjectHeaders objectHeaders(S3Request request) throws S3Exception {
        Map<String, String> metadata = new TreeMap<>();
        int metadataBytes = 0;
        for (String name : Collections.list(request.http.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(META) && lower.length() > META.length()) {
                String value = MetadataValues.decode(request.header(name));
                metadata.put(lower.substring(META.length()), value);
                // S3 counts "the number of bytes in the UTF-8 encoding of each key and value"
                metadataBytes += lower.length() - META.length() + value.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        if (metadataBytes > MAX_USER_METADATA_BYTES) {
            throw new S3Exception(400, "MetadataTooLarge",
                    "Your metadata headers exceed the maximum allowed metadata size.");
        }
        return new ObjectHeaders(request.header("Content-Type"), request.header("Content-Encoding"),
                request.header("Content-Disposition"), request.header("Cache-Control"),
                request.header("Content-Language"), request.header("Expires"), metadata, acl(request));
    }

    /** The canned ACL of {@code x-amz-acl}; {@code private} when absent. */
    static CannedAcl acl(S3Request request) throws S3Exception {
        for (String name : Collections.list(request.http.getHeaderNames())) {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-amz-grant-")) {
                throw S3Exception.notImplemented(name + " (only canned ACLs are supported)");
            }
        }
        String value = request.header("x-amz-acl");
        if (value == null) {
            return CannedAcl.PRIVATE;
        }
        if (UNSUPPORTED_ACLS.contains(value)) {
            throw S3Exception.notImplemented("x-amz-acl: " + value);
        }
        return CannedAcl.fromHeader(value).orElseThrow(() ->
                S3Exception.invalidArgument("", "x-amz-acl", value));
    }

    /** The decoded {@code Content-MD5}, or {@code null}; {@code InvalidDigest} when it is not a base64 MD5. */
    static byte[] contentMd5(S3Request request) throws S3Exception {
        String value = request.header("Content-MD5");
        if (value == null) {
            return null;
        }
        try {
            byte[] md5 = Base64.getDecoder().decode(value.trim());
            if (md5.length == 16) {
                return md5;
            }
        } catch (IllegalArgumentException e) {
            // falls through to S3's refusal
        }
        throw new S3Exception(400, "InvalidDigest", "The Content-MD5 you specified was invalid.")
                .with("Content-MD5", value);
    }
}
