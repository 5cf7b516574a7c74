package dev.warden.core.policy.condition;

import static dev.warden.core.policy.condition.Conditions.empty;
import static dev.warden.core.policy.condition.Conditions.holds;
import static dev.warden.core.policy.condition.Conditions.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code BinaryEquals} compares base64-encoded values byte for byte (IAM User Guide, Binary condition operators). */
class BinaryConditionTest {

    private static final String KEY = "k:payload";

    @Test
    void equalBytesMatch() {
        assertThat(holds("BinaryEquals", KEY, "QmluYXJ5VmFsdWU=", "QmluYXJ5VmFsdWU=")).isTrue();
    }

    @Test
    void differentBytesDoNotMatch() {
        assertThat(holds("BinaryEquals", KEY, "QmluYXJ5VmFsdWU=", "QmluYXJ5VmFsdWY=")).isFalse();
        assertThat(holds("BinaryEquals", KEY, "QUJD", "QUJE")).isFalse();
        assertThat(holds("BinaryEquals", KEY, "QUJD", "qujd")).isFalse();
    }

    @Test
    void emptyValueEqualsOnlyEmpty() {
        assertThat(holds("BinaryEquals", KEY, "", "")).isTrue();
        assertThat(holds("BinaryEquals", KEY, "", "QQ==")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "QUJD=", "Q", "QUJD QUJD", "QU-D"})
    void requestValueThatIsNoBase64MatchesNothing(String value) {
        assertThat(holds("BinaryEquals", KEY, "QUJD", value)).isFalse();
    }

    @Test
    void severalPolicyValuesAreAlternatives() {
        assertThat(holds("BinaryEquals", KEY, List.of("QUJD", "REVG"), with(KEY, "REVG"))).isTrue();
    }

    @Test
    void absentKeyMatchesOnlyWithIfExists() {
        assertThat(holds("BinaryEquals", KEY, List.of("QUJD"), empty())).isFalse();
        assertThat(holds("BinaryEqualsIfExists", KEY, List.of("QUJD"), empty())).isTrue();
    }

    @Test
    void policyValueThatIsNoBase64IsRejectedAtItsIndex() {
        assertThatThrownBy(() -> ConditionClause.compile("BinaryEquals", KEY, List.of("QUJD", "@@@"), true))
                .isInstanceOfSatisfying(InvalidConditionException.class, e -> assertThat(e.valueIndex()).isEqualTo(1))
                .hasMessageContaining("is not base64");
    }
}
