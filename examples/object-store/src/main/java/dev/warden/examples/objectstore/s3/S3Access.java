package dev.warden.examples.objectstore.s3;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What {@link S3Servlet} needs to know about the caller. Authentication and the authorization of each request's
 * route happen in front of the servlet (WardenFilter); this is only for what the servlet itself decides: who owns a
 * new bucket, whose buckets ListBuckets shows, and each key of a batch delete.
 */
public interface S3Access {

    /** The 12-digit account of the caller: the owner of a bucket it creates, the filter of ListBuckets. */
    String callerAccount(HttpServletRequest request);

    /** Whether the caller may perform {@code action} on {@code resourceArn} (e.g. each key of DeleteObjects). */
    boolean allowed(HttpServletRequest request, String action, String resourceArn);

    /** For tests and single-tenant use: every caller is {@code account}, and everything is allowed. */
    static S3Access trusting(String account) {
        return new S3Access() {
            @Override
            public String callerAccount(HttpServletRequest request) {
                return account;
            }

            @Override
            public boolean allowed(HttpServletRequest request, String action, String resourceArn) {
                return true;
            }
        };
    }
}
