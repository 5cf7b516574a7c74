package dev.warden.filter.route;

import java.util.HashMap;
import java.util.Map;

/**
 * A query string read as a form: {@code name=value} pairs split on {@code &}, {@code +} as a space, each decoded
 * once; a name without {@code =} is present with an empty value ({@code ?uploads}); names are case-sensitive; the
 * first value of a repeated name counts.
 */
final class QueryParameters {

    private static final QueryParameters NONE = new QueryParameters(Map.of());

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters parse(String rawQuery) throws RouteRequestException {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = PercentDecoding.decode(equals < 0 ? pair : pair.substring(0, equals), true);
                String value = equals < 0 ? "" : PercentDecoding.decode(pair.substring(equals + 1), true);
                values.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new RouteRequestException("InvalidURI", "Couldn't parse the specified URI: " + e.getMessage()
                        + " in query parameter '" + pair + "'.");
            }
        }
        return new QueryParameters(values);
    }

    /** The value of {@code name}, {@code ""} when it has none, {@code null} when absent. */
    String get(String name) {
        return values.get(name);
    }
}
