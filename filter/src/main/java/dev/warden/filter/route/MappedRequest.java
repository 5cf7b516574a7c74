package dev.warden.filter.route;

import dev.warden.spi.ContextValue;
import java.util.List;
import java.util.Map;

/**
 * What the route table made of a request.
 *
 * @param sid the route's {@code Sid} (or {@code ROUTE #n}), for logs and meters
 * @param publicRoute whether the route is {@code "Public": true} (no authorization)
 * @param checks the route's {@code Action} on its {@code Resource} first, then its {@code Also} checks in order;
 *     empty for a public route
 * @param context the service condition keys the route declares, for those whose values the request carries
 */
public record MappedRequest(String sid, boolean publicRoute, List<Check> checks, Map<String, ContextValue> context) {

    public MappedRequest {
        checks = List.copyOf(checks);
        context = Map.copyOf(context);
    }
}
