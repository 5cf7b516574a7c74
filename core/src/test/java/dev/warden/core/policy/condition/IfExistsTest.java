package dev.warden.core.policy.condition;

import static dev.warden.core.policy.condition.Conditions.empty;
import static dev.warden.core.policy.condition.Conditions.holds;
import static dev.warden.core.policy.condition.Conditions.with;
import static dev.warden.core.policy.condition.Conditions.withSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ...IfExists}: "If the policy key is present in the context of the request, process the key as specified
 * in the policy. If the key is not present, evaluate the condition element as true" (IAM User Guide).
 */
class IfExistsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "StringEqualsIfExists|k:s|v",
            "StringNotEqualsIfExists|k:s|v",
            "StringLikeIfExists|k:s|v*",
            "StringEqualsIgnoreCaseIfExists|k:s|v",
            "NumericLessThanIfExists|k:n|10",
            "NumericNotEqualsIfExists|k:n|10",
            "DateGreaterThanIfExists|k:d|2024-01-01",
            "BoolIfExists|k:b|true",
            "BinaryEqualsIfExists|k:x|QUJD",
            "IpAddressIfExists|k:ip|10.0.0.0/8",
            "NotIpAddressIfExists|k:ip|10.0.0.0/8",
            "ArnLikeIfExists|k:arn|arn:aws:s3:::b",
            "ArnNotEqualsIfExists|k:arn|arn:aws:s3:::b"})
    void absentKeySatisfiesEveryIfExistsOperator(String operator, String key, String value) {
        assertThat(holds(operator, key, List.of(value), empty())).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"StringEqualsIfExists, v, v, true", "StringEqualsIfExists, v, w, false",
            "StringLikeIfExists, v*, vx, true", "StringLikeIfExists, v*, xv, false",
            "NumericLessThanIfExists, 10, 9, true", "NumericLessThanIfExists, 10, 10, false",
            "DateLessThanIfExists, 2024-01-01, 2023-12-31T23:59:59Z, true", "DateLessThanIfExists, 2024-01-01, 2024-01-02, false",
            "IpAddressIfExists, 10.0.0.0/8, 10.1.2.3, true", "IpAddressIfExists, 10.0.0.0/8, 11.1.2.3, false",
            "BoolIfExists, true, true, true", "BoolIfExists, true, false, false",
            "StringNotEqualsIfExists, v, v, false", "StringNotEqualsIfExists, v, w, true"})
    void presentKeyIsTestedAsWithThePlainOperator(String operator, String policy, String request, boolean expected) {
        assertThat(holds(operator, "k:key", policy, request)).isEqualTo(expected);
        assertThat(holds(operator.replace("IfExists", ""), "k:key", policy, request)).isEqualTo(expected);
    }

    @Test
    void presentValueOfTheWrongTypeDoesNotCountAsAbsent() {
        assertThat(holds("NumericLessThanIfExists", "k:n", "10", "ten")).isFalse();
        assertThat(holds("DateGreaterThanIfExists", "k:d", "2024-01-01", "soon")).isFalse();
        assertThat(holds("IpAddressIfExists", "k:ip", "0.0.0.0/0", "nowhere")).isFalse();
        assertThat(holds("BoolIfExists", "k:b", "false", "no")).isFalse();
    }

    @Test
    void plainIfExistsOperatorDoesNotMatchAMultivaluedKey() {
        assertThat(holds("StringEqualsIfExists", "aws:TagKeys", List.of("a"), withSet("aws:TagKeys", "a"))).isFalse();
    }

    @Test
    void ifExistsWithSeveralValuesStillOrsThem() {
        assertThat(holds("StringEqualsIfExists", "k:s", List.of("a", "b"), with("k:s", "b"))).isTrue();
        assertThat(holds("StringEqualsIfExists", "k:s", List.of("a", "b"), with("k:s", "c"))).isFalse();
    }
}
