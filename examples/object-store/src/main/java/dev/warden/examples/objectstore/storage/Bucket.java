package dev.warden.examples.objectstore.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A bucket as stored in its {@code bucket.json}. The store replaces the record whenever the bucket's policy or ACL
 * changes, so a cache can tell a stale entry by comparing the record it was built from with the current one
 * ({@code ==}).
 *
 * @param name the bucket name
 * @param owner the 12-digit account that created it
 * @param created when it was created
 * @param region the region its CreateBucketConfiguration named, or {@code null} (S3's us-east-1)
 * @param policy the bucket policy's text exactly as it was put, or {@code null}
 * @param acl its canned ACL
 */
public record Bucket(String name, String owner, Instant created, String region, String policy, CannedAcl acl) {

    public Bucket {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(created, "created");
        acl = acl == null ? CannedAcl.PRIVATE : acl;
    }

    Bucket withPolicy(String newPolicy) {
        return new Bucket(name, owner, created, region, newPolicy, acl);
    }

    Bucket withAcl(CannedAcl newAcl) {
        return new Bucket(name, owner, created, region, policy, newAcl);
    }
}
