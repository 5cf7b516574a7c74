package dev.warden.core.policy.condition;

import dev.warden.core.policy.RequestView;
import java.util.List;
import java.util.function.Function;

/**
 * Policy values of operators that order what they compare, the {@code Numeric...} and {@code Date...} operators:
 * each policy value parsed once, each request value parsed (and remembered) by the same parser, and a request
 * value that does not parse comparing with nothing.
 */
final class OrderedValues<T extends Comparable<T>> implements ValueMatcher {

    private final List<T> values;
    private final ConditionOperator.Comparison comparison;
    private final LastParsed<T> requestValues;

    private OrderedValues(List<T> values, ConditionOperator.Comparison comparison, LastParsed<T> requestValues) {
        this.values = values;
        this.comparison = comparison;
        this.requestValues = requestValues;
    }

    /**
     * Parses {@code texts} with {@code requestValues}' parser.
     *
     * @param what what a value must be, for the error: {@code "a number"}
     * @throws InvalidConditionException naming the first value that does not parse
     */
    static <T extends Comparable<T>> OrderedValues<T> compile(List<String> texts, ConditionOperator.Comparison comparison,
                                                              Function<String, T> parser, LastParsed<T> requestValues,
                                                              String what) {
        T[] parsed = newArray(texts.size());
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = parser.apply(texts.get(i));
            if (parsed[i] == null) {
                throw new InvalidConditionException("'" + texts.get(i) + "' is not " + what, i);
            }
        }
        return new OrderedValues<>(List.of(parsed), comparison, requestValues);
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] newArray(int size) {
        return (T[]) new Comparable<?>[size];
    }

    @Override
    public int compare(int i, String requestValue, RequestView request) {
        T value = requestValues.parse(requestValue);
        if (value == null) {
            return INCOMPARABLE;
        }
        return comparison.holds(value.compareTo(values.get(i))) ? MATCH : NO_MATCH;
    }

    @Override
    public int size() {
        return values.size();
    }
}
