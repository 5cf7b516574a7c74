package dev.warden.examples.objectstore.s3;

import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.Statement;
import dev.warden.examples.objectstore.storage.Bucket;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.examples.objectstore.storage.StoreException;
import dev.warden.examples.objectstore.storage.StoreFailure;
import dev.warden.spi.PolicyType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** PutBucketPolicy, GetBucketPolicy and DeleteBucketPolicy: the policy is validated by Warden, stored verbatim. */
final class PolicyOperations {

    private final ObjectStore store;

    PolicyOperations(ObjectStore store) {
        this.store = store;
    }

    void put(S3Request request, HttpServletResponse response) throws S3Exception, StoreException, IOException {
        store.requireBucket(request.bucket);
        int limit = PolicyKind.RESOURCE.maxCharacters() * 4;
        byte[] body = request.http.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            throw new S3Exception(400, "PolicyTooLarge", "Policy exceeds the maximum allowed document size.");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        validate(request.bucket, text);
        store.putBucketPolicy(request.bucket, text);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /**
     * Refuses what S3 would: a document Warden's parser refuses as a resource-based policy, or one with a resource
     * that names neither this bucket nor anything in it (wildcards that cover them, such as {@code arn:aws:s3:::*},
     * are taken).
     */
    static CompiledPolicy validate(String bucket, String text) throws S3Exception {
        CompiledPolicy policy;
        try {
            policy = CompiledPolicy.parse(text, PolicyKind.RESOURCE, S3Request.arn(bucket, null), PolicyType.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw new S3Exception(400, "MalformedPolicy", e.getMessage());
        }
        String arn = S3Request.arn(bucket, null);
        for (Statement statement : policy.policy().statements()) {
            if (statement.resources() == null) {
                continue;
            }
            for (String resource : statement.resources()) {
                if (!BucketResources.coverBucket(resource, arn)) {
                    throw new S3Exception(400, "MalformedPolicy", "Policy has invalid resource");
                }
            }
        }
        return policy;
    }

    void get(S3Request request, HttpServletResponse response) throws StoreException, IOException {
        Bucket bucket = store.requireBucket(request.bucket);
        if (bucket.policy() == null) {
            throw new StoreException(StoreFailure.NO_SUCH_BUCKET_POLICY);
        }
        byte[] body = bucket.policy().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    void delete(S3Request request, HttpServletResponse response) throws StoreException, IOException {
        store.putBucketPolicy(request.bucket, null);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
