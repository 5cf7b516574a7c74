package dev.warden.examples.objectstore.s3;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A path-style S3 request taken apart: {@code /{bucket}/{key...}}, the key being the raw path after the bucket
 * percent-decoded once, and the query string read by the servlet itself (never through
 * {@link HttpServletRequest#getParameter}, which would consume a form body).
 */
final class S3Request {

    /** Query parameters S3 operations take that are not subresources. */
    private static final Set<String> PARAMETERS = Set.of("prefix", "delimiter", "max-keys", "marker",
            "list-type", "continuation-token", "start-after", "fetch-owner", "encoding-type", "key-marker",
            "upload-id-marker", "max-uploads", "part-number-marker", "max-parts", "partNumber", "uploadId",
            "versionId", "x-id", "max-buckets", "bucket-region", "response-content-type",
            "response-content-language", "response-expires", "response-cache-control",
            "response-content-disposition", "response-content-encoding");
    /** Subresources this store implements. */
    private static final Set<String> SUBRESOURCES = Set.of("policy", "acl", "location", "uploads", "delete");

    final HttpServletRequest http;
    final String requestId;
    /** The bucket, or {@code null} for the service ({@code GET /}). */
    final String bucket;
    /** The key, or {@code null} for a bucket request. */
    final String key;
    private final Map<String, String> query;

    private S3Request(HttpServletRequest http, String requestId, String bucket, String key,
                      Map<String, String> query) {
        this.http = http;
        this.requestId = requestId;
        this.bucket = bucket;
        this.key = key;
        this.query = query;
    }

    static S3Request of(HttpServletRequest http, String requestId) throws S3Exception {
        String path = http.getRequestURI();
        String context = http.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        String bucket = null;
        String key = null;
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (!path.isEmpty()) {
            int slash = path.indexOf('/');
            bucket = PathDecoder.decode(slash < 0 ? path : path.substring(0, slash));
            if (slash >= 0 && slash < path.length() - 1) {
                key = PathDecoder.decode(path.substring(slash + 1));
            }
        }
        return new S3Request(http, requestId, bucket, key, parseQuery(http.getQueryString()));
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    /** Whether the query names {@code name}, with or without a value. */
    boolean has(String name) {
        return query.containsKey(name);
    }

    /** The query parameter's value, or {@code null}. */
    String param(String name) {
        return query.get(name);
    }

    String header(String name) {
        return http.getHeader(name);
    }

    /**
     * Refuses a subresource or parameter this store does not implement ({@code ?versioning}, {@code ?tagging},
     * ...) with 501 rather than answering as if it were another operation.
     */
    void refuseUnknownSubresources() throws S3Exception {
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name) && !SUBRESOURCES.contains(name) && !name.startsWith("X-Amz-")) {
                throw S3Exception.notImplemented("?" + name);
            }
        }
    }

    /** The resource for error documents: {@code /bucket/key}. */
    String resource() {
        return bucket == null ? "/" : key == null ? "/" + bucket : "/" + bucket + "/" + key;
    }

    /** {@code arn:aws:s3:::bucket/key}. */
    static String arn(String bucket, String key) {
        return "arn:aws:s3:::" + bucket + (key == null ? "" : "/" + key);
    }
}
