package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.Bucket;
import dev.warden.examples.objectstore.storage.ListQuery;
import dev.warden.examples.objectstore.storage.Listing;
import dev.warden.examples.objectstore.storage.ObjectMeta;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.examples.objectstore.storage.StoreException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** ListObjectsV2 and ListObjects (v1), which the AWS CLI and older SDKs still use. */
final class ListOperations {

    private static final int MAX_KEYS = 1000;

    private final ObjectStore store;

    ListOperations(ObjectStore store) {
        this.store = store;
    }

    void listV2(S3Request request, HttpServletResponse response) throws S3Exception, StoreException, IOException {
        Bucket bucket = store.requireBucket(request.bucket);
        int maxKeys = maxKeys(request);
        UnaryOperator<String> encode = encoding(request);
        String token = request.param("continuation-token");
        String startAfter = request.param("start-after");
        String after = token != null ? ContinuationToken.decode(token) : startAfter;
        String prefix = request.param("prefix");
        String delimiter = delimiter(request);
        boolean fetchOwner = "true".equals(request.param("fetch-owner"));
        Listing listing = store.list(bucket.name(), new ListQuery(prefix, delimiter, after, maxKeys));

        XmlOut xml = XmlOut.document("ListBucketResult")
                .element("Name", bucket.name())
                .element("Prefix", encode.apply(prefix == null ? "" : prefix))
                .element("Delimiter", delimiter == null ? null : encode.apply(delimiter))
                .element("MaxKeys", maxKeys)
                .element("EncodingType", request.param("encoding-type"))
                .element("KeyCount", listing.objects().size() + listing.commonPrefixes().size())
                .element("IsTruncated", listing.truncated())
                .element("ContinuationToken", token)
                .element("NextContinuationToken",
                        listing.truncated() ? ContinuationToken.encode(listing.last()) : null)
                .element("StartAfter", startAfter == null ? null : encode.apply(startAfter));
        contents(xml, listing, encode, fetchOwner ? bucket.owner() : null);
        xml.send(response, HttpServletResponse.SC_OK);
    }

    void listV1(S3Request request, HttpServletResponse response) throws S3Exception, StoreException, IOException {
        Bucket bucket = store.requireBucket(request.bucket);
        int maxKeys = maxKeys(request);
        UnaryOperator<String> encode = encoding(request);
        String marker = request.param("marker");
        String prefix = request.param("prefix");
        String delimiter = delimiter(request);
        Listing listing = store.list(bucket.name(), new ListQuery(prefix, delimiter, marker, maxKeys));
        boolean nextMarker = listing.truncated() && delimiter != null;

        XmlOut xml = XmlOut.document("ListBucketResult")
                .element("Name", bucket.name())
                .element("Prefix", encode.apply(prefix == null ? "" : prefix))
                .element("Marker", encode.apply(marker == null ? "" : marker))
                .element("NextMarker", nextMarker ? encode.apply(listing.last()) : null)
                .element("MaxKeys", maxKeys)
                .element("Delimiter", delimiter == null ? null : encode.apply(delimiter))
                .element("EncodingType", request.param("encoding-type"))
                .element("IsTruncated", listing.truncated());
        contents(xml, listing, encode, bucket.owner());
        xml.send(response, HttpServletResponse.SC_OK);
    }

    private static void contents(XmlOut xml, Listing listing, UnaryOperator<String> encode, String owner) {
        for (ObjectMeta meta : listing.objects()) {
            xml.start("Contents")
                    .element("Key", encode.apply(meta.key()))
                    .element("LastModified", HttpDates.document(meta.lastModified()))
                    .element("ETag", meta.quotedEtag())
                    .element("Size", meta.size());
            if (owner != null) {
                Owner.write(xml, "Owner", owner);
            }
            xml.element("StorageClass", "STANDARD").end();
        }
        for (String prefix : listing.commonPrefixes()) {
            xml.start("CommonPrefixes").element("Prefix", encode.apply(prefix)).end();
        }
    }

    static int maxKeys(S3Request request) throws S3Exception {
        return boundedInt(request, "max-keys", MAX_KEYS);
    }

    /** A non-negative integer parameter, at most {@code max} (S3 caps rather than refuses larger values). */
    static int boundedInt(S3Request request, String name, int max) throws S3Exception {
        String value = request.param(name);
        if (value == null) {
            return max;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return Math.min(n, max);
            }
        } catch (NumberFormatException e) {
            // falls through to S3's refusal
        }
        throw S3Exception.invalidArgument("Provided " + name + " not an integer or within integer range", name,
                value);
    }

    /** The {@code delimiter}; an empty one is none, as S3 reads it (no roll-up, no {@code Delimiter} element). */
    static String delimiter(S3Request request) {
        String delimiter = request.param("delimiter");
        return delimiter == null || delimiter.isEmpty() ? null : delimiter;
    }

    /**
     * With {@code encoding-type=url} (any case, echoed as sent), keys, prefixes, the delimiter and the markers are sent
     * URL-encoded as S3 encodes them: form encoding (a space is {@code +}) that leaves {@code /} alone.
     */
    static UnaryOperator<String> encoding(S3Request request) throws S3Exception {
        String type = request.param("encoding-type");
        if (type == null) {
            return UnaryOperator.identity();
        }
        if (!type.equalsIgnoreCase("url")) {
            throw S3Exception.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", type);
        }
        return value -> value == null ? null : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
