package dev.warden.filter.route;

/**
 * A condition on a query parameter or header: equal to a value, present with any value, or absent.
 *
 * @param name the parameter's name (case-sensitive) or the header's (any case)
 * @param value the exact value required, or {@code null} for presence/absence
 * @param present whether the parameter must be there (ignored when {@code value} is given)
 */
record Predicate(String name, String value, boolean present) {

    /** Whether every value {@code later} lets through, this lets through too (same name). */
    boolean impliedBy(Predicate later) {
        if (value != null) {
            return value.equals(later.value());
        }
        return present ? later.value() != null || later.present() : later.value() == null && !later.present();
    }

    /** Whether the parameter is always there when this holds. */
    boolean requiresPresence() {
        return value != null || present;
    }

    boolean test(String actual) {
        if (value != null) {
            return value.equals(actual);
        }
        return present == (actual != null);
    }
}
