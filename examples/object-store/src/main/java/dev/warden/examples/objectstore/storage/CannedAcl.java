package dev.warden.examples.objectstore.storage;

import java.util.Optional;

/**
 * The canned ACLs this store keeps on buckets and objects: S3's legacy access mechanism, translated into policy
 * statements for evaluation. Other canned ACLs S3 knows ({@code bucket-owner-full-control}, ...) are not stored.
 */
public enum CannedAcl {
    PRIVATE("private"),
    PUBLIC_READ("public-read"),
    PUBLIC_READ_WRITE("public-read-write"),
    AUTHENTICATED_READ("authenticated-read");

    private final String headerValue;

    CannedAcl(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The value of {@code x-amz-acl} that names it. */
    public String headerValue() {
        return headerValue;
    }

    /** The canned ACL {@code x-amz-acl: value} names, if this store keeps it. */
    public static Optional<CannedAcl> fromHeader(String value) {
        for (CannedAcl acl : values()) {
            if (acl.headerValue.equals(value)) {
                return Optional.of(acl);
            }
        }
        return Optional.empty();
    }
}
