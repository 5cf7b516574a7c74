package dev.warden.core.policy.condition;

import static dev.warden.core.policy.condition.Conditions.empty;
import static dev.warden.core.policy.condition.Conditions.holds;
import static dev.warden.core.policy.condition.Conditions.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The numeric operators compare numbers, not text; a request value that is no number satisfies none of them. */
class NumericConditionTest {

    private static final String KEY = "aws:MultiFactorAuthAge";

    @ParameterizedTest
    @CsvSource({
            "NumericEquals, 10, 10, true", "NumericEquals, 10, 10.0, true", "NumericEquals, 10, 010, true",
            "NumericEquals, 10, 11, false", "NumericEquals, -1.5, -1.50, true", "NumericEquals, 0, -0, true",
            "NumericEquals, 10, +10, true",
            "NumericNotEquals, 10, 11, true", "NumericNotEquals, 10, 10.00, false",
            "NumericLessThan, 3600, 3599, true", "NumericLessThan, 3600, 3600, false", "NumericLessThan, 3600, 3601, false",
            "NumericLessThanEquals, 3600, 3600, true", "NumericLessThanEquals, 3600, 3600.001, false",
            "NumericGreaterThan, 3600, 3601, true", "NumericGreaterThan, 3600, 3600, false",
            "NumericGreaterThanEquals, 3600, 3600, true", "NumericGreaterThanEquals, 3600, 3599.999, false",
            "NumericLessThan, 0, -5, true", "NumericGreaterThan, -1, -0.5, true"})
    void comparesTheRequestValueWithThePolicyValue(String operator, String policy, String request, boolean expected) {
        assertThat(holds(operator, KEY, policy, request)).isEqualTo(expected);
    }

    @Test
    void comparesExactlyWithoutFloatingPointRounding() {
        assertThat(holds("NumericEquals", KEY, "0.3", "0.30000000000000004")).isFalse();
        assertThat(holds("NumericLessThan", KEY, "9007199254740993", "9007199254740992")).isTrue();
    }

    @Test
    void severalPolicyValuesAreAlternatives() {
        assertThat(holds("NumericEquals", KEY, List.of("1", "2", "3"), with(KEY, "2"))).isTrue();
        assertThat(holds("NumericLessThan", KEY, List.of("1", "100"), with(KEY, "50"))).isTrue();
        assertThat(holds("NumericNotEquals", KEY, List.of("1", "2"), with(KEY, "2"))).isFalse();
        assertThat(holds("NumericNotEquals", KEY, List.of("1", "2"), with(KEY, "3"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12abc", "1e3", "", " 1", "1 ", "1.2.3", "-", ".", "0x10", "NaN", "Infinity", "１２"})
    void requestValueThatIsNoNumberSatisfiesNoNumericOperator(String value) {
        for (String operator : List.of("NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
                "NumericGreaterThan", "NumericGreaterThanEquals")) {
            assertThat(holds(operator, KEY, "1", value)).as("%s %s", operator, value).isFalse();
        }
    }

    @Test
    void decimalPointWithoutDigitsOnOneSideIsANumber() {
        assertThat(holds("NumericEquals", KEY, "1", "1.")).isTrue();
        assertThat(holds("NumericEquals", KEY, "0.5", ".5")).isTrue();
    }

    @Test
    void absentKeyFailsPositiveOperatorsAndSatisfiesNumericNotEquals() {
        assertThat(holds("NumericLessThan", KEY, List.of("3600"), empty())).isFalse();
        assertThat(holds("NumericEquals", KEY, List.of("3600"), empty())).isFalse();
        assertThat(holds("NumericNotEquals", KEY, List.of("3600"), empty())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "1e3", "", "1,000", "${aws:MultiFactorAuthAge}"})
    void policyValueThatIsNoNumberIsRejected(String value) {
        assertThatThrownBy(
                        () -> ConditionClause.compile("NumericLessThan", KEY, List.of("1", value), true))
                .isInstanceOfSatisfying(InvalidConditionException.class, e -> assertThat(e.valueIndex()).isEqualTo(1))
                .hasMessageContaining("is not a number");
    }
}
