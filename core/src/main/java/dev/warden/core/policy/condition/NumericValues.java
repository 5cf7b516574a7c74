package dev.warden.core.policy.condition;

import java.math.BigDecimal;
import java.util.List;

/**
 * Numbers as the {@code Numeric...} operators read them: integers or decimals ({@code 3600}, {@code -1.5}); anything
 * else, including {@code "12abc"}, is not a number and compares with nothing.
 */
final class NumericValues {

    private static final LastParsed<BigDecimal> REQUEST_VALUES = new LastParsed<>(NumericValues::parse);

    private NumericValues() {
    }

    static ValueMatcher compile(List<String> values, ConditionOperator.Comparison comparison) {
        return OrderedValues.compile(values, comparison, NumericValues::parse, REQUEST_VALUES, "a number");
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
}
