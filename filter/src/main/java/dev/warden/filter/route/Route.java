package dev.warden.filter.route;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param selectors the table's selectors this route's {@code Query} requires present: the only ones a request it
 *     matches may carry
 */
record Route(String sid, String method, PathPattern path, List<Predicate> query, List<Predicate> headers,
             MappedRequest.Mode mode, List<CheckTemplate> checks, Map<String, Template> context,
             Set<String> selectors) {

    Route {
        selectors = Set.copyOf(selectors);
    }

    /**
     * Whether this route matches every request {@code later} matches, so that {@code later}, coming after it, can
     * never be chosen. Certain when true: {@code false} when a reference of this route's checks might be missing or
     * render something invalid (the request would then fall through). The builtins {@code partition} and
     * {@code region} count as always there (the filter always supplies them).
     */
    boolean shadows(Route later) {
        if (!method.equals("*") && !method.equals(later.method())) {
            return false;
        }
        if (!path.covers(later.path()) || !implied(query, later.query(), false)
                || !implied(headers, later.headers(), true) || !selectors.containsAll(later.selectors())) {
            return false;
        }
        for (CheckTemplate check : checks) {
            if (!check.action().isLiteral() || !alwaysRenders(check.action(), later)
                    || !(check.resource().isLiteral() || check.resource().alwaysAnArn())
                    || !alwaysRenders(check.resource(), later)) {
                return false;
            }
        }
        return true;
    }

    private static boolean implied(List<Predicate> mine, List<Predicate> theirs, boolean ignoreCase) {
        for (Predicate predicate : mine) {
            Predicate other = find(theirs, predicate.name(), ignoreCase);
            // a parameter the later route leaves free may or may not be there: no condition on it is implied
            if (other == null || !predicate.impliedBy(other)) {
                return false;
            }
        }
        return true;
    }

    private static Predicate find(List<Predicate> predicates, String name, boolean ignoreCase) {
        for (Predicate predicate : predicates) {
            if (ignoreCase ? predicate.name().equalsIgnoreCase(name) : predicate.name().equals(name)) {
                return predicate;
            }
        }
        return null;
    }

    private static boolean alwaysRenders(Template template, Route later) {
        for (Template.Reference reference : template.references()) {
            if (reference.pathModifier()) {
                return false;
            }
            boolean present = switch (reference.kind()) {
                case PATH -> true;
                case QUERY -> requiresPresence(later.query(), reference.name(), false);
                case HEADER -> requiresPresence(later.headers(), reference.name(), true);
                case BUILTIN -> reference.name().equals("partition") || reference.name().equals("region");
            };
            if (!present) {
                return false;
            }
        }
        return true;
    }

    private static boolean requiresPresence(List<Predicate> predicates, String name, boolean ignoreCase) {
        Predicate predicate = find(predicates, name, ignoreCase);
        return predicate != null && predicate.requiresPresence();
    }

    /** An action template and a resource template. */
    record CheckTemplate(Template action, Template resource) {
    }
}
