package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.Bucket;
import dev.warden.examples.objectstore.storage.CannedAcl;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.examples.objectstore.storage.StoreException;
import dev.warden.examples.objectstore.storage.StoreFailure;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** ListBuckets, CreateBucket, DeleteBucket, HeadBucket and GetBucketLocation. */
final class BucketOperations {

    /** The region a bucket created without a LocationConstraint is in, as S3 says. */
    static final String DEFAULT_REGION = "us-east-1";
    private static final int MAX_CONFIGURATION_BYTES = 16 * 1024;

    private final ObjectStore store;
    private final S3Access access;

    BucketOperations(ObjectStore store, S3Access access) {
        this.store = store;
        this.access = access;
    }

    void listBuckets(S3Request request, HttpServletResponse response) throws IOException {
        String account = access.callerAccount(request.http);
        XmlOut xml = XmlOut.document("ListAllMyBucketsResult");
        Owner.write(xml, "Owner", account);
        xml.start("Buckets");
        for (Bucket bucket : store.buckets(account)) {
            xml.start("Bucket").element("Name", bucket.name())
                    .element("CreationDate", HttpDates.document(bucket.created()))
                    .element("BucketRegion", region(bucket)).end();
        }
        xml.end().send(response, HttpServletResponse.SC_OK);
    }

    /**
     * CreateBucket. A bucket that exists is {@code BucketAlreadyExists} (409) to another account and
     * {@code BucketAlreadyOwnedByYou} (409) to its owner, except in us-east-1 where S3 answers its owner 200 and resets
     * the bucket's ACL to the request's (S3 API reference, CreateBucket).
     */
    void create(S3Request request, HttpServletResponse response) throws S3Exception, StoreException, IOException {
        String region = null;
        byte[] body = request.http.getInputStream().readNBytes(MAX_CONFIGURATION_BYTES + 1);
        if (body.length > 0) {
            XmlIn configuration = XmlIn.parse(new ByteArrayInputStream(body), MAX_CONFIGURATION_BYTES);
            if (!configuration.name().equals("CreateBucketConfiguration")) {
                throw S3Exception.malformedXml();
            }
            region = configuration.childText("LocationConstraint");
            if (region != null && region.isEmpty()) {
                region = null;
            }
        }
        CannedAcl acl = RequestHeaders.acl(request);
        try {
            store.createBucket(request.bucket, access.callerAccount(request.http), region, acl);
        } catch (StoreException e) {
            Bucket existing = store.bucket(request.bucket).orElse(null);
            if (e.failure() != StoreFailure.BUCKET_ALREADY_OWNED_BY_YOU || existing == null
                    || !inUsEast1(existing.region()) || !inUsEast1(region)) {
                throw e;
            }
            // S3's legacy us-east-1 answer to its owner: success, and the bucket's ACL is the one asked for now
            store.putBucketAcl(request.bucket, acl);
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Location", "/" + request.bucket);
        response.setContentLength(0);
    }

    void delete(S3Request request, HttpServletResponse response) throws StoreException, IOException {
        store.deleteBucket(request.bucket);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    void head(S3Request request, HttpServletResponse response) throws StoreException {
        Bucket bucket = store.requireBucket(request.bucket);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("x-amz-bucket-region", region(bucket));
        response.setContentLength(0);
    }

    void location(S3Request request, HttpServletResponse response) throws StoreException, IOException {
        Bucket bucket = store.requireBucket(request.bucket);
        XmlOut xml = XmlOut.document("LocationConstraint");
        if (bucket.region() != null) {
            // us-east-1 is S3's empty LocationConstraint
            xml.text(bucket.region());
        }
        xml.send(response, HttpServletResponse.SC_OK);
    }

    private static boolean inUsEast1(String region) {
        return region == null || region.equals(DEFAULT_REGION);
    }

    static String region(Bucket bucket) {
        return bucket.region() == null ? DEFAULT_REGION : bucket.region();
    }
}
