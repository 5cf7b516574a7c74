package dev.warden.core.auth.sigv4;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Request headers by name, case-insensitively: names are kept in lower case, as SigV4 signs them, and every lookup
 * lower-cases the name asked for. A hash lookup per header, where a case-insensitive tree map compares names
 * character by character at every level; a verification looks up a dozen headers. Unmodifiable.
 */
final class HeaderMap extends AbstractMap<String, List<String>> {

    private final Map<String, List<String>> byLowerCaseName;

    private HeaderMap(Map<String, List<String>> byLowerCaseName) {
        this.byLowerCaseName = byLowerCaseName;
    }

    /** A copy of {@code headers}; names that differ only in case are merged, their values kept in order. */
    static HeaderMap copyOf(Map<String, List<String>> headers) {
        if (headers instanceof HeaderMap already) {
            return already;
        }
        Map<String, List<String>> copy = new HashMap<>(Math.max(16, headers.size() * 2));
        headers.forEach((name, values) -> {
            String key = Objects.requireNonNull(name, "header name").toLowerCase(Locale.ROOT);
            for (String value : values) {
                Objects.requireNonNull(value, "header value");
            }
            List<String> existing = copy.get(key);
            if (existing == null) {
                copy.put(key, List.copyOf(values));
            } else {
                List<String> merged = new ArrayList<>(existing);
                merged.addAll(values);
                copy.put(key, List.copyOf(merged));
            }
        });
        return new HeaderMap(copy);
    }

    @Override
    public List<String> get(Object name) {
        return name instanceof String text ? byLowerCaseName.get(text.toLowerCase(Locale.ROOT)) : null;
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public int size() {
        return byLowerCaseName.size();
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return Collections.unmodifiableMap(byLowerCaseName).entrySet();
    }
}
