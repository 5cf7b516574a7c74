package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.Bucket;
import dev.warden.examples.objectstore.storage.CannedAcl;
import dev.warden.examples.objectstore.storage.ObjectMeta;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.examples.objectstore.storage.StoreException;
import dev.warden.examples.objectstore.storage.StoreFailure;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Get/PutBucketAcl and Get/PutObjectAcl, for canned ACLs only: PUT takes {@code x-amz-acl}, GET shows the grants
 * the canned ACL stands for, as S3's canned ACL table lists them for buckets and objects alike (the owner's
 * FULL_CONTROL, plus READ, or READ and WRITE, for AllUsers or AuthenticatedUsers), each Grantee with its
 * {@code xmlns:xsi} and {@code xsi:type}.
 * Objects are reported as owned by the bucket owner: the store does not track object writers.
 */
final class AclOperations {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    private final ObjectStore store;

    AclOperations(ObjectStore store) {
        this.store = store;
    }

    void getBucketAcl(S3Request request, HttpServletResponse response) throws StoreException, IOException {
        Bucket bucket = store.requireBucket(request.bucket);
        send(response, bucket.owner(), bucket.acl());
    }

    void getObjectAcl(S3Request request, HttpServletResponse response) throws StoreException, IOException {
        Bucket bucket = store.requireBucket(request.bucket);
        ObjectMeta meta = store.find(request.bucket, request.key)
                .orElseThrow(() -> new StoreException(StoreFailure.NO_SUCH_KEY));
        send(response, bucket.owner(), meta.headers().acl());
    }

    void putBucketAcl(S3Request request, HttpServletResponse response)
            throws S3Exception, StoreException, IOException {
        store.putBucketAcl(request.bucket, cannedOnly(request));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(0);
    }

    void putObjectAcl(S3Request request, HttpServletResponse response)
            throws S3Exception, StoreException, IOException {
        store.putObjectAcl(request.bucket, request.key, cannedOnly(request));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(0);
    }

    private static CannedAcl cannedOnly(S3Request request) throws S3Exception {
        if (request.header("x-amz-acl") == null) {
            if (request.http.getContentLengthLong() > 0) {
                throw S3Exception.notImplemented("an AccessControlPolicy document (only x-amz-acl is supported)");
            }
            throw new S3Exception(400, "MissingSecurityHeader", "Your request was missing a required header")
                    .with("MissingHeaderName", "x-amz-acl");
        }
        return RequestHeaders.acl(request);
    }

    private static void send(HttpServletResponse response, String owner, CannedAcl acl)
            throws IOException {
        XmlOut xml = XmlOut.document("AccessControlPolicy");
        Owner.write(xml, "Owner", owner);
        xml.start("AccessControlList");
        xml.start("Grant").start("Grantee").namespace("xsi", XSI).attribute("xsi", XSI, "type", "CanonicalUser")
                .element("ID", owner).element("DisplayName", owner).end()
                .element("Permission", "FULL_CONTROL").end();
        switch (acl) {
            case PUBLIC_READ -> group(xml, ALL_USERS, "READ");
            case PUBLIC_READ_WRITE -> {
                // S3 lists the WRITE grant on an object too, where it means nothing ("Not applicable")
                group(xml, ALL_USERS, "READ");
                group(xml, ALL_USERS, "WRITE");
            }
            case AUTHENTICATED_READ -> group(xml, AUTHENTICATED_USERS, "READ");
            default -> {
                // private: the owner alone
            }
        }
        xml.end().send(response, HttpServletResponse.SC_OK);
    }

    private static void group(XmlOut xml, String uri, String permission) {
        xml.start("Grant").start("Grantee").namespace("xsi", XSI).attribute("xsi", XSI, "type", "Group")
                .element("URI", uri).end().element("Permission", permission).end();
    }
}
