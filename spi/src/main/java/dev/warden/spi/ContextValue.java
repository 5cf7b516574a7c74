package dev.warden.spi;

import java.util.Collection;
import java.util.List;

/**
 * The value of one request context key: a single value (as {@code aws:SourceIp} has) or a set of values (as
 * {@code aws:TagKeys} has). The difference matters: AWS evaluates multivalued keys only with the
 * {@code ForAllValues:} and {@code ForAnyValue:} set operators.
 *
 * @param values the value(s), never {@code null}; a single-valued key has exactly one
 * @param multivalued whether the key is a set, even when it holds one value or none
 */
public record ContextValue(List<String> values, boolean multivalued) {

    public ContextValue {
        values = List.copyOf(values);
        if (!multivalued && values.size() != 1) {
            throw new IllegalArgumentException("a single-valued context key has exactly one value, got " + values);
        }
    }

    /** A single-valued key. */
    public static ContextValue of(String value) {
        return new ContextValue(List.of(value), false);
    }

    /** A multivalued key (possibly empty). */
    public static ContextValue ofSet(Collection<String> values) {
        return new ContextValue(List.copyOf(values), true);
    }

    /** The value of a single-valued key. */
    public String single() {
        if (multivalued) {
            throw new IllegalStateException("multivalued context key has no single value");
        }
        return values.get(0);
    }
}
