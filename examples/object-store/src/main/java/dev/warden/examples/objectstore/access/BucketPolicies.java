package dev.warden.examples.objectstore.access;

import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.StatementIndex;
import dev.warden.examples.objectstore.storage.Bucket;
import dev.warden.examples.objectstore.storage.CannedAcl;
import dev.warden.examples.objectstore.storage.ObjectHeaders;
import dev.warden.examples.objectstore.storage.ObjectMeta;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.examples.objectstore.storage.StoreException;
import dev.warden.filter.ResourcePolicy;
import dev.warden.filter.ResourcePolicyLookup;
import dev.warden.spi.PolicyType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner and resource-based policy of the object store's buckets and objects, for WardenFilter: for
 * {@code arn:aws:s3:::bucket} and {@code arn:aws:s3:::bucket/key}, the bucket owner's account and the bucket policy
 * together with the statements its canned ACLs stand for (see {@link AclStatements} for the translation). ARNs of
 * unknown buckets, and any other ARN, are not known here ({@code null}).
 *
 * <p>Compiled policies are cached per bucket against the {@link Bucket} record they were compiled from; the store
 * replaces that record whenever the policy or ACL changes, so a change is seen on the next request without any
 * notification. A lookup costs a map probe, the object's ACL from the store's in-memory index, and a record
 * comparison.
 */
public final class BucketPolicies implements ResourcePolicyLookup {

    private static final Logger LOG = LoggerFactory.getLogger(BucketPolicies.class);
    private static final String S3_ARN = "arn:aws:s3:::";

    private final ObjectStore store;
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    /** Looks up the buckets of {@code store}. */
    public BucketPolicies(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public ResourcePolicy find(String resourceArn) {
        if (resourceArn == null || !resourceArn.startsWith(S3_ARN)) {
            return null;
        }
        String path = resourceArn.substring(S3_ARN.length());
        int slash = path.indexOf('/');
        String bucketName = slash < 0 ? path : path.substring(0, slash);
        Bucket bucket = store.bucket(bucketName).orElse(null);
        if (bucket == null) {
            return null;
        }
        Compiled compiled = compiled(bucket);
        if (slash < 0) {
            return new ResourcePolicy(bucket.owner(), compiled.forBucket());
        }
        return new ResourcePolicy(bucket.owner(), compiled.forObject(objectAcl(bucketName, path.substring(slash + 1))));
    }

    private CannedAcl objectAcl(String bucket, String key) {
        try {
            return store.find(bucket, key).map(ObjectMeta::headers).map(ObjectHeaders::acl).orElse(CannedAcl.PRIVATE);
        } catch (StoreException e) {
            // the bucket went away meanwhile: no object, no grant
            return CannedAcl.PRIVATE;
        }
    }

    private Compiled compiled(Bucket bucket) {
        Compiled cached = cache.get(bucket.name());
        if (cached != null && cached.source == bucket) {
            return cached;
        }
        Compiled fresh = new Compiled(bucket);
        cache.put(bucket.name(), fresh);
        return fresh;
    }

    /** One bucket's policies, compiled from one {@link Bucket} record. */
    private static final class Compiled {
        final Bucket source;
        private final CompiledPolicy bucketPolicy;
        private final CompiledPolicy bucketAcl;
        private final StatementIndex bucketIndex;
        private final Map<CannedAcl, StatementIndex> objectIndexes = new EnumMap<>(CannedAcl.class);

        Compiled(Bucket bucket) {
            this.source = bucket;
            this.bucketPolicy = parse(bucket);
            this.bucketAcl = AclStatements.forBucket(bucket.name(), bucket.acl());
            this.bucketIndex = index(bucketPolicy, bucketAcl, null);
            for (CannedAcl acl : CannedAcl.values()) {
                objectIndexes.put(acl, acl == CannedAcl.PRIVATE ? bucketIndex
                        : index(bucketPolicy, bucketAcl, AclStatements.forObject(bucket.name(), acl)));
            }
        }

        StatementIndex forBucket() {
            return bucketIndex;
        }

        StatementIndex forObject(CannedAcl acl) {
            return objectIndexes.get(acl);
        }

        private static StatementIndex index(CompiledPolicy... policies) {
            List<CompiledPolicy> present = new ArrayList<>();
            for (CompiledPolicy policy : policies) {
                if (policy != null) {
                    present.add(policy);
                }
            }
            return present.isEmpty() ? null : StatementIndex.of(present);
        }

        private static CompiledPolicy parse(Bucket bucket) {
            if (bucket.policy() == null) {
                return null;
            }
            try {
                return CompiledPolicy.parse(bucket.policy(), PolicyKind.RESOURCE, S3_ARN + bucket.name(),
                        PolicyType.RESOURCE);
            } catch (MalformedPolicyException e) {
                // validated when it was put, so the file was edited by hand: ignoring it could drop its denies
                LOG.error("bucket {}: stored bucket policy is malformed; every request on the bucket is denied until"
                        + " it is replaced: {}", bucket.name(), e.getMessage());
                return AclStatements.denyAll(bucket.name());
            }
        }
    }
}
