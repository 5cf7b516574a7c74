package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.Bucket;
import dev.warden.examples.objectstore.storage.CompletedPart;
import dev.warden.examples.objectstore.storage.MultipartUpload;
import dev.warden.examples.objectstore.storage.MultipartUploads;
import dev.warden.examples.objectstore.storage.ObjectKeys;
import dev.warden.examples.objectstore.storage.ObjectMeta;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.examples.objectstore.storage.PartInfo;
import dev.warden.examples.objectstore.storage.StoreException;
import dev.warden.examples.objectstore.storage.StoreFailure;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload, AbortMultipartUpload, ListParts and
 * ListMultipartUploads.
 */
final class MultipartOperations {

    private static final int MAX_PARTS_LISTED = 1000;
    private static final int MAX_UPLOADS_LISTED = 1000;
    /** 10,000 parts with their numbers and entity tags. */
    private static final int MAX_COMPLETE_BYTES = 2 * 1024 * 1024;

    private final ObjectStore store;
    private final MultipartUploads uploads;

    MultipartOperations(ObjectStore store) {
        this.store = store;
        this.uploads = store.multipart();
    }

    void create(S3Request request, HttpServletResponse response) throws S3Exception, StoreException, IOException {
        MultipartUpload upload = uploads.create(request.bucket, request.key, RequestHeaders.objectHeaders(request));
        XmlOut.document("InitiateMultipartUploadResult")
                .element("Bucket", request.bucket)
                .element("Key", request.key)
                .element("UploadId", upload.uploadId())
                .send(response, HttpServletResponse.SC_OK);
    }

    void uploadPart(S3Request request, HttpServletResponse response)
            throws S3Exception, StoreException, IOException {
        int partNumber = partNumber(request);
        String uploadId = request.param("uploadId");
        uploads.find(request.bucket, request.key, uploadId);
        ObjectOperations.checkBodyLength(request);
        PartInfo part = uploads.uploadPart(request.bucket, request.key, uploadId, partNumber,
                RequestBody.of(request), RequestHeaders.contentMd5(request));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("ETag", part.quotedEtag());
        response.setContentLength(0);
    }

    void uploadPartCopy(S3Request request, HttpServletResponse response)
            throws S3Exception, StoreException, IOException {
        int partNumber = partNumber(request);
        String uploadId = request.param("uploadId");
        uploads.find(request.bucket, request.key, uploadId);
        CopySource source = CopySource.parse(request.header("x-amz-copy-source"));
        ObjectMeta original = store.find(source.bucket(), source.key())
                .orElseThrow(() -> new StoreException(StoreFailure.NO_SUCH_KEY));
        long first = -1;
        long last = -1;
        String rangeHeader = request.header("x-amz-copy-source-range");
        if (rangeHeader != null) {
            ByteRange range = copyRange(rangeHeader, original.size());
            first = range.first();
            last = range.last();
        }
        PartInfo part = uploads.uploadPartCopy(request.bucket, request.key, uploadId, partNumber, source.bucket(),
                source.key(), first, last);
        XmlOut.document("CopyPartResult")
                .element("LastModified", HttpDates.document(part.lastModified()))
                .element("ETag", part.quotedEtag())
                .send(response, HttpServletResponse.SC_OK);
    }

    /** {@code x-amz-copy-source-range: bytes=first-last}, both given and within the source, unlike {@code Range}. */
    private static ByteRange copyRange(String header, long size) throws S3Exception {
        String spec = header.trim();
        int dash = spec.indexOf('-');
        try {
            if (spec.startsWith("bytes=") && dash > 0) {
                long first = Long.parseLong(spec.substring("bytes=".length(), dash).trim());
                long last = Long.parseLong(spec.substring(dash + 1).trim());
                if (first >= 0 && first <= last) {
                    if (last >= size) {
                        throw new S3Exception(400, "InvalidRange", "The requested range is not satisfiable")
                                .with("RangeRequested", header).with("ActualObjectSize", Long.toString(size));
                    }
                    return new ByteRange(first, last);
                }
            }
        } catch (NumberFormatException e) {
            // falls through to S3's refusal
        }
        throw S3Exception.invalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last"
                + " where first and last are the zero-based offsets of the first and last bytes to copy",
                "x-amz-copy-source-range", header);
    }

    void complete(S3Request request, HttpServletResponse response) throws S3Exception, StoreException, IOException {
        String uploadId = request.param("uploadId");
        uploads.find(request.bucket, request.key, uploadId);
        XmlIn document = XmlIn.parse(request.http.getInputStream(), MAX_COMPLETE_BYTES);
        List<XmlIn> partElements = document.all("Part");
        if (!document.name().equals("CompleteMultipartUpload") || partElements.isEmpty()) {
            throw S3Exception.malformedXml();
        }
        List<CompletedPart> parts = new ArrayList<>();
        for (XmlIn part : partElements) {
            String number = part.childText("PartNumber");
            String etag = part.childText("ETag");
            if (number == null || etag == null) {
                throw S3Exception.malformedXml();
            }
            try {
                parts.add(new CompletedPart(Integer.parseInt(number), etag));
            } catch (NumberFormatException e) {
                throw S3Exception.malformedXml();
            }
        }
        ObjectMeta meta = uploads.complete(request.bucket, request.key, uploadId, parts);
        XmlOut.document("CompleteMultipartUploadResult")
                .element("Location", location(request))
                .element("Bucket", request.bucket)
                .element("Key", request.key)
                .element("ETag", meta.quotedEtag())
                .send(response, HttpServletResponse.SC_OK);
    }

    private static String location(S3Request request) {
        StringBuffer url = request.http.getRequestURL();
        return url == null ? request.resource() : url.toString();
    }

    void abort(S3Request request, HttpServletResponse response) throws StoreException, IOException {
        uploads.abort(request.bucket, request.key, request.param("uploadId"));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    void listParts(S3Request request, HttpServletResponse response) throws S3Exception, StoreException, IOException {
        Bucket bucket = store.requireBucket(request.bucket);
        String uploadId = request.param("uploadId");
        int maxParts = ListOperations.boundedInt(request, "max-parts", MAX_PARTS_LISTED);
        int marker = ListOperations.boundedInt(request, "part-number-marker", Integer.MAX_VALUE);
        if (request.param("part-number-marker") == null) {
            marker = 0;
        }
        List<PartInfo> parts = new ArrayList<>();
        boolean truncated = false;
        for (PartInfo part : uploads.parts(request.bucket, request.key, uploadId)) {
            if (part.number() <= marker) {
                continue;
            }
            if (parts.size() == maxParts) {
                truncated = true;
                break;
            }
            parts.add(part);
        }
        XmlOut xml = XmlOut.document("ListPartsResult")
                .element("Bucket", request.bucket)
                .element("Key", request.key)
                .element("UploadId", uploadId);
        Owner.write(xml, "Initiator", bucket.owner());
        Owner.write(xml, "Owner", bucket.owner());
        xml.element("StorageClass", "STANDARD")
                .element("PartNumberMarker", marker)
                .element("NextPartNumberMarker", parts.isEmpty() ? marker : parts.get(parts.size() - 1).number())
                .element("MaxParts", maxParts)
                .element("IsTruncated", truncated);
        for (PartInfo part : parts) {
            xml.start("Part").element("PartNumber", part.number())
                    .element("LastModified", HttpDates.document(part.lastModified()))
                    .element("ETag", part.quotedEtag())
                    .element("Size", part.size()).end();
        }
        xml.send(response, HttpServletResponse.SC_OK);
    }

    void listUploads(S3Request request, HttpServletResponse response)
            throws S3Exception, StoreException, IOException {
        Bucket bucket = store.requireBucket(request.bucket);
        int maxUploads = ListOperations.boundedInt(request, "max-uploads", MAX_UPLOADS_LISTED);
        String prefix = request.param("prefix") == null ? "" : request.param("prefix");
        String keyMarker = request.param("key-marker");
        String uploadIdMarker = request.param("upload-id-marker");
        var encode = ListOperations.encoding(request);
        List<MultipartUpload> page = new ArrayList<>();
        boolean truncated = false;
        boolean passedUploadIdMarker = false;
        for (MultipartUpload upload : uploads.uploads(bucket.name())) {
            boolean after = true;
            if (keyMarker != null && !keyMarker.isEmpty()) {
                // key-marker alone: later keys; with upload-id-marker: also the same key's later uploads
                int byKey = ObjectKeys.ORDER.compare(upload.key(), keyMarker);
                after = byKey > 0 || byKey == 0 && passedUploadIdMarker;
                if (byKey == 0 && upload.uploadId().equals(uploadIdMarker)) {
                    passedUploadIdMarker = true;
                }
            }
            if (!after || !upload.key().startsWith(prefix)) {
                continue;
            }
            if (page.size() == maxUploads) {
                truncated = true;
                break;
            }
            page.add(upload);
        }
        MultipartUpload last = page.isEmpty() ? null : page.get(page.size() - 1);
        XmlOut xml = XmlOut.document("ListMultipartUploadsResult")
                .element("Bucket", bucket.name())
                .element("KeyMarker", encode.apply(keyMarker == null ? "" : keyMarker))
                .element("UploadIdMarker", uploadIdMarker == null ? "" : uploadIdMarker)
                .element("NextKeyMarker", truncated ? encode.apply(last.key()) : null)
                .element("NextUploadIdMarker", truncated ? last.uploadId() : null)
                .element("Prefix", encode.apply(prefix))
                .element("EncodingType", request.param("encoding-type"))
                .element("MaxUploads", maxUploads)
                .element("IsTruncated", truncated);
        for (MultipartUpload upload : page) {
            xml.start("Upload").element("Key", encode.apply(upload.key())).element("UploadId", upload.uploadId());
            Owner.write(xml, "Initiator", bucket.owner());
            Owner.write(xml, "Owner", bucket.owner());
            xml.element("StorageClass", "STANDARD")
                    .element("Initiated", HttpDates.document(upload.initiated())).end();
        }
        xml.send(response, HttpServletResponse.SC_OK);
    }

    /** {@code partNumber}, 1 to 10,000, or S3's {@code InvalidArgument} naming the value as sent. */
    static int partNumber(S3Request request) throws S3Exception {
        String value = request.param("partNumber");
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MultipartUploads.MAX_PART_NUMBER) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to S3's refusal
        }
        throw S3Exception.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                "partNumber", value);
    }
}
