package dev.warden.core.policy.condition;

import static dev.warden.core.policy.condition.Conditions.empty;
import static dev.warden.core.policy.condition.Conditions.holds;
import static dev.warden.core.policy.condition.Conditions.with;
import static dev.warden.core.policy.condition.Conditions.withSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Null} tests whether a key is absent: {@code "true"} holds when it is, {@code "false"} when it is present
 * (IAM User Guide, Condition operator to check existence of condition keys).
 */
class NullConditionTest {

    private static final String KEY = "aws:TokenIssueTime";

    @Test
    void nullTrueHoldsWhenTheKeyIsAbsent() {
        assertThat(holds("Null", KEY, List.of("true"), empty())).isTrue();
        assertThat(holds("Null", KEY, List.of("true"), with(KEY, "2024-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void nullFalseHoldsWhenTheKeyIsPresent() {
        assertThat(holds("Null", KEY, List.of("false"), with(KEY, "2024-01-01T00:00:00Z"))).isTrue();
        assertThat(holds("Null", KEY, List.of("false"), empty())).isFalse();
    }

    @Test
    void presentKeyWithAnEmptyStringIsPresent() {
        assertThat(holds("Null", KEY, List.of("true"), with(KEY, ""))).isFalse();
        assertThat(holds("Null", KEY, List.of("false"), with(KEY, ""))).isTrue();
    }

    @Test
    void multivaluedKeyWithValuesIsPresent() {
        assertThat(holds("Null", "aws:TagKeys", List.of("false"), withSet("aws:TagKeys", "a"))).isTrue();
        assertThat(holds("Null", "aws:TagKeys", List.of("true"), withSet("aws:TagKeys", "a"))).isFalse();
    }

    @Test
    void bothValuesTogetherAlwaysHold() {
        assertThat(holds("Null", KEY, List.of("true", "false"), empty())).isTrue();
        assertThat(holds("Null", KEY, List.of("true", "false"), with(KEY, "x"))).isTrue();
    }

    @Test
    void keyIsLookedUpWithoutRegardToCase() {
        assertThat(holds("Null", "AWS:tokenissuetime", List.of("false"), with(KEY, "x"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "", "null", "${aws:username}"})
    void valueOtherThanTrueOrFalseIsRejected(String value) {
        assertThatThrownBy(() -> ConditionClause.compile("Null", KEY, List.of("true", value), true))
                .isInstanceOfSatisfying(InvalidConditionException.class, e -> assertThat(e.valueIndex()).isEqualTo(1))
                .hasMessageContaining("Null value must be true or false");
    }
}
