package dev.warden.core.policy.condition;

import static dev.warden.core.policy.condition.Conditions.empty;
import static dev.warden.core.policy.condition.Conditions.holds;
import static dev.warden.core.policy.condition.Conditions.request;
import static dev.warden.core.policy.condition.Conditions.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Bool} compares true/false values without regard to case (IAM User Guide, Boolean condition operators). */
class BoolConditionTest {

    private static final String KEY = "aws:SecureTransport";

    @ParameterizedTest
    @CsvSource({"true, true, true", "true, false, false", "false, false, true", "false, true, false", "TRUE, true, true",
            "true, True, true", "False, FALSE, true"})
    void comparesBooleansWithoutRegardToCase(String policy, String request, boolean expected) {
        assertThat(holds("Bool", KEY, policy, request)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "", "t", "truee"})
    void requestValueThatIsNoBooleanMatchesNeitherTrueNorFalse(String value) {
        assertThat(holds("Bool", KEY, "true", value)).isFalse();
        assertThat(holds("Bool", KEY, "false", value)).isFalse();
    }

    @Test
    void absentKeyDoesNotMatchEvenFalse() {
        assertThat(holds("Bool", "aws:MultiFactorAuthPresent", List.of("false"), empty())).isFalse();
        assertThat(holds("BoolIfExists", "aws:MultiFactorAuthPresent", List.of("false"), empty())).isTrue();
    }

    @Test
    void bothValuesListedMatchAnyBoolean() {
        assertThat(holds("Bool", KEY, List.of("true", "false"), with(KEY, "false"))).isTrue();
        assertThat(holds("Bool", KEY, List.of("true", "false"), with(KEY, "other"))).isFalse();
    }

    @Test
    void policyValueMayBeAVariable() {
        assertThat(holds("Bool", KEY, List.of("${k:flag}"), request(b -> b.context(KEY, "true").context("k:flag", "TRUE")))).isTrue();
        assertThat(holds("Bool", KEY, List.of("${k:flag}"), request(b -> b.context(KEY, "true").context("k:flag", "false")))).isFalse();
    }

    @Test
    void variableThatIsNoBooleanOrHasNoValueMatchesNothing() {
        assertThat(holds("Bool", KEY, List.of("${k:flag}"), request(b -> b.context(KEY, "true").context("k:flag", "yes")))).isFalse();
        assertThat(holds("Bool", KEY, List.of("${k:flag}"), with(KEY, "true"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "", "tru"})
    void policyValueThatIsNoBooleanIsRejected(String value) {
        assertThatThrownBy(() -> ConditionClause.compile("Bool", KEY, List.of(value), true))
                .isInstanceOfSatisfying(InvalidConditionException.class, e -> assertThat(e.valueIndex()).isZero())
                .hasMessageContaining("Bool value must be true or false");
    }
}
