package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.ObjectKeys;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.examples.objectstore.storage.StoreException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * DeleteObjects ({@code POST /bucket?delete}): up to 1,000 keys, each authorized on its own as
 * {@code s3:DeleteObject} (the route grants only the request as a whole), each answered as deleted or as an error.
 */
final class DeleteObjectsOperation {

    private static final int MAX_KEYS = 1000;
    /** 1,000 keys of 1,024 bytes, escaped, with their elements. */
    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final ObjectStore store;
    private final S3Access access;

    DeleteObjectsOperation(ObjectStore store, S3Access access) {
        this.store = store;
        this.access = access;
    }

    void delete(S3Request request, HttpServletResponse response) throws S3Exception, StoreException, IOException {
        store.requireBucket(request.bucket);
        byte[] body = request.http.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        checkMd5(request, body);
        XmlIn document = XmlIn.parse(new ByteArrayInputStream(body), MAX_BODY_BYTES);
        List<XmlIn> objects = document.all("Object");
        if (!document.name().equals("Delete") || objects.isEmpty() || objects.size() > MAX_KEYS) {
            throw S3Exception.malformedXml();
        }
        boolean quiet = "true".equalsIgnoreCase(document.childText("Quiet"));
        List<String> keys = new ArrayList<>();
        for (XmlIn object : objects) {
            String key = object.childText("Key");
            if (key == null) {
                throw S3Exception.malformedXml();
            }
            keys.add(key);
        }

        XmlOut xml = XmlOut.document("DeleteResult");
        for (String key : keys) {
            KeyError error = deleteOne(request, key);
            if (error == null) {
                if (!quiet) {
                    xml.start("Deleted").element("Key", key).end();
                }
            } else {
                xml.start("Error").element("Key", key).element("Code", error.code())
                        .element("Message", error.message()).end();
            }
        }
        xml.send(response, HttpServletResponse.SC_OK);
    }

    /** Why one key was not deleted. */
    private record KeyError(String code, String message) {
    }

    /** Deletes one key; {@code null} when done (or already gone, as S3 counts it). */
    private KeyError deleteOne(S3Request request, String key) throws IOException {
        if (!access.allowed(request.http, "s3:DeleteObject", S3Request.arn(request.bucket, key))) {
            return new KeyError("AccessDenied", "Access Denied");
        }
        try {
            ObjectKeys.validate(key);
            store.delete(request.bucket, key);
            return null;
        } catch (StoreException e) {
            return new KeyError(e.failure().code(), e.getMessage());
        }
    }

    private static void checkMd5(S3Request request, byte[] body) throws S3Exception {
        byte[] expected = RequestHeaders.contentMd5(request);
        if (expected == null) {
            return;
        }
        try {
            if (!MessageDigest.isEqual(expected, MessageDigest.getInstance("MD5").digest(body))) {
                throw new S3Exception(400, "BadDigest", "The Content-MD5 you specified did not match what we"
                        + " received.");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
