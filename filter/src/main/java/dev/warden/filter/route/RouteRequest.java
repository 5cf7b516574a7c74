package dev.warden.filter.route;

import java.util.function.Function;

/**
 * A request as the route table sees it.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, still percent-encoded ({@code HttpServletRequest.getRequestURI()})
 * @param rawQuery the query string as sent, or {@code null}
 * @param header the first value of a header by name (any case), or {@code null}
 */
public record RouteRequest(String method, String rawPath, String rawQuery, Function<String, String> header) {
}
