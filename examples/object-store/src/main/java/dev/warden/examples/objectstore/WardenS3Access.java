package dev.warden.examples.objectstore;

import dev.warden.examples.objectstore.s3.S3Access;
import dev.warden.filter.WardenFilter;
import dev.warden.spi.RequestContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The servlet's questions answered from what {@link WardenFilter} established: the caller's account is the one the
 * filter authenticated; each further check (every key of a batch delete) is decided by the filter exactly as it
 * decides a route, same caller, same condition keys, same bucket policies.
 */
final class WardenS3Access implements S3Access {

    private final WardenFilter filter;

    WardenS3Access(WardenFilter filter) {
        this.filter = filter;
    }

    @Override
    public String callerAccount(HttpServletRequest request) {
        return RequestContext.current().map(context -> context.principal().accountId()).orElse(null);
    }

    @Override
    public boolean allowed(HttpServletRequest request, String action, String resourceArn) {
        return filter.authorize(request, action, resourceArn).isAllowed();
    }
}
