package dev.warden.core.policy.condition;

import dev.warden.core.policy.RequestView;
import java.math.BigDecimal;
import java.util.List;

/**
 * Policy values of the {@code Numeric...} operators. Numbers are integers or decimals ({@code 3600},
 * {@code -1.5}); anything else, including {@code "12abc"}, is not a number and compares with nothing.
 */
final class NumericValues implements ValueMatcher {

    private static final LastParsed<BigDecimal> REQUEST_VALUES = new LastParsed<>(NumericValues::parse);

    private final BigDecimal[] numbers;
    private final ConditionOperator.Comparison comparison;

    private NumericValues(BigDecimal[] numbers, ConditionOperator.Comparison comparison) {
        this.numbers = numbers;
        this.comparison = comparison;
    }

    static NumericValues compile(List<String> values, ConditionOperator.Comparison comparison) {
        BigDecimal[] numbers = new BigDecimal[values.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = parse(values.get(i));
            if (numbers[i] == null) {
                throw new InvalidConditionException("'" + values.get(i) + "' is not a number", i);
            }
        }
        return new NumericValues(numbers, comparison);
    }

    /** The number {@code s} spells, or {@code null}. */
    static BigDecimal parse(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return null;
            }
        }
        if (digits == 0 || digits > 60) {
            return null;
        }
        return new BigDecimal(s.charAt(0) == '+' ? s.substring(1) : s);
    }

    @Override
    public int compare(int i, String requestValue, RequestView request) {
        BigDecimal value = REQUEST_VALUES.parse(requestValue);
        if (value == null) {
            return INCOMPARABLE;
        }
        return comparison.holds(value.compareTo(numbers[i])) ? MATCH : NO_MATCH;
    }

    @Override
    public int size() {
        return numbers.length;
    }
}
