package dev.warden.filter.route;

import dev.warden.spi.ContextValue;
import java.util.List;
import java.util.Map;

/**
 * What the route table made of a request.
 *
 * @param sid the route's {@code Sid} (or {@code ROUTE #n}), for logs and meters
 * @param mode who authorizes: the filter (its checks), nobody ({@code "Public": true}), or the application
 *     ({@code "Delegated": true})
 * @param checks the route's {@code Action} on its {@code Resource} first, then its {@code Also} checks in order;
 *     empty for a public route
 * @param context the service condition keys the route declares, for those whose values the request carries
 */
public record MappedRequest(String sid, Mode mode, List<Check> checks, Map<String, ContextValue> context) {

    /** Who authorizes a mapped request. */
    public enum Mode {
        /** The filter, with the route's checks. */
        CHECKED,
        /** Nobody: the route is public. */
        PUBLIC,
        /**
         * The application, per item, through {@code WardenFilter.authorize} (each key of a batch delete): the
         * filter authenticates the caller and binds its context, and authorizes nothing itself.
         */
        DELEGATED
    }

    public MappedRequest {
        checks = List.copyOf(checks);
        context = Map.copyOf(context);
    }

    /** Whether the route is {@code "Public": true}. */
    public boolean publicRoute() {
        return mode == Mode.PUBLIC;
    }
}
