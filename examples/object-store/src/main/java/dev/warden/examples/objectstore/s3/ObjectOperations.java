package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.ObjectContent;
import dev.warden.examples.objectstore.storage.ObjectHeaders;
import dev.warden.examples.objectstore.storage.ObjectMeta;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.examples.objectstore.storage.StoreException;
import dev.warden.examples.objectstore.storage.StoreFailure;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Locale;

/** PutObject, GetObject, HeadObject, DeleteObject and CopyObject. */
final class ObjectOperations {

    private static final int BUFFER = 64 * 1024;

    private final ObjectStore store;
    private final S3Access access;

    ObjectOperations(ObjectStore store, S3Access access) {
        this.store = store;
        this.access = access;
    }

    void get(S3Request request, HttpServletResponse response, boolean head)
            throws S3Exception, StoreException, IOException {
        Integer partNumber = partNumber(request);
        try (ObjectContent content = openReadable(request)) {
            ObjectMeta meta = content.meta();
            if (Preconditions.notModified(request, meta)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                response.setHeader("ETag", meta.quotedEtag());
                response.setHeader("Last-Modified", HttpDates.header(meta.lastModified()));
                return;
            }
            ObjectMeta.Part part = partNumber == null ? null : meta.part(partNumber).orElseThrow(() ->
                    new S3Exception(416, "InvalidPartNumber", "The requested partnumber is not satisfiable")
                            .with("PartNumberRequested", partNumber.toString())
                            .with("ActualPartCount", Integer.toString(meta.partCount())));
            ByteRange range = part == null ? ByteRange.parse(request.header("Range"), meta.size()) : null;
            ObjectResponseHeaders.write(request, response, meta);
            long first = 0;
            long length = meta.size();
            if (part != null) {
                first = part.first();
                length = part.length();
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader("Content-Range", "bytes " + first + "-" + (first + length - 1) + "/" + meta.size());
                if (!meta.partSizes().isEmpty()) {
                    response.setHeader("x-amz-mp-parts-count", Integer.toString(meta.partCount()));
                }
            } else if (range == null) {
                response.setStatus(HttpServletResponse.SC_OK);
            } else {
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader("Content-Range", range.contentRange(meta.size()));
                first = range.first();
                length = range.length();
            }
            response.setContentLengthLong(length);
            if (!head) {
                send(content.channel(), first, length, response.getOutputStream());
            }
        }
    }

    /**
     * GetObject's {@code partNumber}, or {@code null}: 1 to 10,000, and never beside a {@code Range} header (refused
     * before the key is looked up, as S3 refuses them).
     */
    private static Integer partNumber(S3Request request) throws S3Exception {
        String value = request.param("partNumber");
        if (value == null) {
            return null;
        }
        if (request.header("Range") != null) {
            throw new S3Exception(400, "InvalidRequest",
                    "Cannot specify both Range header and partNumber query parameter");
        }
        return MultipartOperations.partNumber(request);
    }

    /**
     * The object; a missing key is 404 {@code NoSuchKey} only to a caller who may list the bucket, and 403
     * {@code AccessDenied} to anyone else, so that GetObject and HeadObject do not tell who may not list it which keys
     * exist (S3 API reference, GetObject and HeadObject: "If you don't have the s3:ListBucket permission, Amazon S3
     * returns an HTTP status code 403").
     */
    private ObjectContent openReadable(S3Request request) throws S3Exception, StoreException, IOException {
        try {
            return store.open(request.bucket, request.key);
        } catch (StoreException e) {
            if (e.failure() == StoreFailure.NO_SUCH_KEY
                    && !access.allowed(request.http, "s3:ListBucket", S3Request.arn(request.bucket, null))) {
                throw new S3Exception(403, "AccessDenied", "Access Denied");
            }
            throw e;
        }
    }

    private static void send(FileChannel channel, long first, long length, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(length, 1)));
        long position = first;
        long end = first + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("object file shorter than its metadata says");
            }
            out.write(buffer.array(), 0, n);
            position += n;
        }
    }

    void put(S3Request request, HttpServletResponse response) throws S3Exception, StoreException, IOException {
        store.requireBucket(request.bucket);
        checkBodyLength(request);
        ObjectHeaders headers = RequestHeaders.objectHeaders(request);
        byte[] md5 = RequestHeaders.contentMd5(request);
        ObjectMeta meta = store.put(request.bucket, request.key, RequestBody.of(request), headers, md5);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("ETag", meta.quotedEtag());
        response.setContentLength(0);
    }

    /**
     * Refuses a body S3 would refuse before reading it: too large for one PUT, of unknown length (sent with
     * {@code Transfer-Encoding: chunked}: 501 naming the header, as S3 answers; else 411), or still in
     * {@code aws-chunked} framing (nothing in front of the servlet decoded it: storing it would store the framing).
     */
    static void checkBodyLength(S3Request request) throws S3Exception {
        String encoding = request.header("Content-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked")) {
            throw S3Exception.notImplemented("Content-Encoding: aws-chunked reached the object store undecoded");
        }
        long length = request.http.getContentLengthLong();
        if (length < 0 && !streamingPayload(request) && isChunked(request.header("Transfer-Encoding"))) {
            // S3 takes no chunked transfer coding except aws-chunked, whose length x-amz-decoded-content-length gives
            throw new S3Exception(501, "NotImplemented", "A header you provided implies functionality that is not"
                    + " implemented").with("Header", "Transfer-Encoding");
        }
        if (length < 0) {
            throw new S3Exception(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
        }
        if (length > ObjectStore.MAX_PUT_BYTES) {
            throw new S3Exception(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
                    .with("ProposedSize", Long.toString(length))
                    .with("MaxSizeAllowed", Long.toString(ObjectStore.MAX_PUT_BYTES));
        }
    }

    /** Whether the payload is signed or sent as {@code aws-chunked} ({@code x-amz-content-sha256: STREAMING-...}). */
    private static boolean streamingPayload(S3Request request) {
        String sha256 = request.header("x-amz-content-sha256");
        return sha256 != null && sha256.startsWith("STREAMING-");
    }

    private static boolean isChunked(String transferEncoding) {
        return transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    void delete(S3Request request, HttpServletResponse response) throws StoreException, IOException {
        store.delete(request.bucket, request.key);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    void copy(S3Request request, HttpServletResponse response) throws S3Exception, StoreException, IOException {
        CopySource source = CopySource.parse(request.header("x-amz-copy-source"));
        String directive = request.header("x-amz-metadata-directive");
        boolean replace = "REPLACE".equals(directive);
        if (directive != null && !replace && !"COPY".equals(directive)) {
            throw S3Exception.invalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive);
        }
        store.requireBucket(request.bucket);
        ObjectMeta original = store.find(source.bucket(), source.key())
                .orElseThrow(() -> new StoreException(StoreFailure.NO_SUCH_KEY));
        if (!replace && source.bucket().equals(request.bucket) && source.key().equals(request.key)) {
            throw new S3Exception(400, "InvalidRequest", "This copy request is illegal because it is trying to copy"
                    + " an object to itself without changing the object's metadata, storage class, website redirect"
                    + " location or encryption attributes.");
        }
        ObjectHeaders headers = replace ? RequestHeaders.objectHeaders(request)
                : original.headers().withAcl(RequestHeaders.acl(request));
        ObjectMeta copy = store.copy(source.bucket(), source.key(), request.bucket, request.key, headers);
        XmlOut.document("CopyObjectResult")
                .element("LastModified", HttpDates.document(copy.lastModified()))
                .element("ETag", copy.quotedEtag())
                .send(response, HttpServletResponse.SC_OK);
    }
}
