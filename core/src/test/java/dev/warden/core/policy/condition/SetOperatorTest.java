package dev.warden.core.policy.condition;

import static dev.warden.core.policy.condition.Conditions.empty;
import static dev.warden.core.policy.condition.Conditions.holds;
import static dev.warden.core.policy.condition.Conditions.with;
import static dev.warden.core.policy.condition.Conditions.withSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ForAllValues:} and {@code ForAnyValue:} (IAM User Guide, "Set operators for multivalued context keys"):
 * ForAllValues holds when every request value matches, and when the key is missing or empty; ForAnyValue holds
 * when at least one request value matches, never for a missing or empty key.
 */
class SetOperatorTest {

    private static final String KEY = "aws:TagKeys";
    private static final List<String> ALLOWED = List.of("env", "team");

    @Test
    void forAllValuesHoldsWhenEveryRequestValueMatchesSomePolicyValue() {
        assertThat(holds("ForAllValues:StringEquals", KEY, ALLOWED, withSet(KEY, "env", "team"))).isTrue();
        assertThat(holds("ForAllValues:StringEquals", KEY, ALLOWED, withSet(KEY, "env"))).isTrue();
        assertThat(holds("ForAllValues:StringEquals", KEY, ALLOWED, withSet(KEY, "env", "env"))).isTrue();
    }

    @Test
    void forAllValuesFailsWhenOneRequestValueMatchesNoPolicyValue() {
        assertThat(holds("ForAllValues:StringEquals", KEY, ALLOWED, withSet(KEY, "env", "cost"))).isFalse();
        assertThat(holds("ForAllValues:StringEquals", KEY, ALLOWED, withSet(KEY, "Env"))).isFalse();
    }

    @Test
    void forAllValuesHoldsForAMissingKey() {
        assertThat(holds("ForAllValues:StringEquals", KEY, ALLOWED, empty())).isTrue();
    }

    @Test
    void forAllValuesHoldsForAnEmptySet() {
        assertThat(holds("ForAllValues:StringEquals", KEY, ALLOWED, withSet(KEY))).isTrue();
    }

    @Test
    void forAnyValueHoldsWhenOneRequestValueMatches() {
        assertThat(holds("ForAnyValue:StringEquals", KEY, ALLOWED, withSet(KEY, "cost", "team"))).isTrue();
        assertThat(holds("ForAnyValue:StringEquals", KEY, ALLOWED, withSet(KEY, "cost", "owner"))).isFalse();
    }

    @Test
    void forAnyValueFailsForAMissingKeyOrAnEmptySet() {
        assertThat(holds("ForAnyValue:StringEquals", KEY, ALLOWED, empty())).isFalse();
        assertThat(holds("ForAnyValue:StringEquals", KEY, ALLOWED, withSet(KEY))).isFalse();
    }

    @Test
    void forAnyValueIfExistsHoldsForAMissingKey() {
        assertThat(holds("ForAnyValue:StringEqualsIfExists", KEY, ALLOWED, empty())).isTrue();
        assertThat(holds("ForAnyValue:StringEqualsIfExists", KEY, ALLOWED, withSet(KEY, "cost"))).isFalse();
    }

    @Test
    void setOperatorsTreatASingleValuedKeyAsASetOfOne() {
        assertThat(holds("ForAllValues:StringEquals", KEY, ALLOWED, with(KEY, "env"))).isTrue();
        assertThat(holds("ForAllValues:StringEquals", KEY, ALLOWED, with(KEY, "cost"))).isFalse();
        assertThat(holds("ForAnyValue:StringEquals", KEY, ALLOWED, with(KEY, "team"))).isTrue();
    }

    @Test
    void singleValueSetBehavesLikeThatValue() {
        assertThat(holds("ForAnyValue:StringLike", KEY, List.of("t*"), withSet(KEY, "team"))).isTrue();
        assertThat(holds("ForAllValues:StringLike", KEY, List.of("t*"), withSet(KEY, "team"))).isTrue();
        assertThat(holds("ForAllValues:StringLike", KEY, List.of("t*"), withSet(KEY, "env"))).isFalse();
    }

    @Test
    void forAnyValueWithANegatedOperatorHoldsWhenSomeValueDiffersFromAll() {
        assertThat(holds("ForAnyValue:StringNotEquals", KEY, List.of("env"), withSet(KEY, "env", "team"))).isTrue();
        assertThat(holds("ForAnyValue:StringNotEquals", KEY, List.of("env"), withSet(KEY, "env"))).isFalse();
        assertThat(holds("ForAnyValue:StringNotEquals", KEY, List.of("env"), empty())).isFalse();
    }

    @Test
    void forAllValuesWithANegatedOperatorHoldsWhenNoValueIsListed() {
        assertThat(holds("ForAllValues:StringNotEquals", KEY, ALLOWED, withSet(KEY, "cost", "owner"))).isTrue();
        assertThat(holds("ForAllValues:StringNotEquals", KEY, ALLOWED, withSet(KEY, "cost", "env"))).isFalse();
        assertThat(holds("ForAllValues:StringNotEquals", KEY, ALLOWED, empty())).isTrue();
        assertThat(holds("ForAllValues:StringNotLike", KEY, List.of("aws:*"), withSet(KEY, "env", "team"))).isTrue();
        assertThat(holds("ForAllValues:StringNotLike", KEY, List.of("aws:*"), withSet(KEY, "env", "aws:cloudformation"))).isFalse();
    }

    @Test
    void setOperatorsWorkWithEveryOperatorType() {
        assertThat(holds("ForAllValues:NumericLessThan", "k:sizes", List.of("100"), withSet("k:sizes", "1", "99"))).isTrue();
        assertThat(holds("ForAllValues:NumericLessThan", "k:sizes", List.of("100"), withSet("k:sizes", "1", "100"))).isFalse();
        assertThat(holds("ForAnyValue:IpAddress", "k:ips", List.of("10.0.0.0/8"), withSet("k:ips", "192.0.2.1", "10.0.0.1")))
                .isTrue();
        assertThat(holds("ForAnyValue:ArnLike", "k:arns", List.of("arn:aws:s3:::b*"), withSet("k:arns", "arn:aws:s3:::bucket")))
                .isTrue();
        assertThat(holds("ForAnyValue:DateGreaterThan", "k:dates", List.of("2024-01-01"), withSet("k:dates", "2023-01-01", "2025-01-01")))
                .isTrue();
    }

    @Test
    void requestValueOfTheWrongTypeFailsForAllValues() {
        assertThat(holds("ForAllValues:NumericLessThan", "k:sizes", List.of("100"), withSet("k:sizes", "1", "many"))).isFalse();
        assertThat(holds("ForAllValues:NumericNotEquals", "k:sizes", List.of("100"), withSet("k:sizes", "1", "many"))).isFalse();
    }

    @Test
    void plainOperatorOnAMultivaluedKeyNeverMatchesWhateverItsValues() {
        assertThat(holds("StringEquals", KEY, ALLOWED, withSet(KEY, "env"))).isFalse();
        assertThat(holds("StringNotEquals", KEY, ALLOWED, withSet(KEY, "cost"))).isFalse();
        assertThat(holds("StringNotEquals", KEY, ALLOWED, withSet(KEY))).isFalse();
    }
}
