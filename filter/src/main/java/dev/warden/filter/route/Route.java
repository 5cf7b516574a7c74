package dev.warden.filter.route;

import java.util.List;
import java.util.Map;

/**
 * One line of the route table, compiled.
 *
 * @param sid the route's name for logs and meters
 * @param method the HTTP method, or {@code *} for any
 * @param path the path pattern
 * @param query conditions on query parameters
 * @param headers conditions on headers
 * @param mode who authorizes: the filter, nobody, or the application
 * @param checks the action and resource templates: the route's own first, then {@code Also}
 * @param context the service condition keys and their templates
 */
record Route(String sid, String method, PathPattern path, List<Predicate> query, List<Predicate> headers,
             MappedRequest.Mode mode, List<CheckTemplate> checks, Map<String, Template> context) {

    /** An action template and a resource template. */
    record CheckTemplate(Template action, Template resource) {
    }
}
