package dev.warden.core.policy.condition;

import static dev.warden.core.policy.condition.Conditions.holds;
import static dev.warden.core.policy.condition.Conditions.request;
import static dev.warden.core.policy.condition.Conditions.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.policy.RequestView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Policy variables in condition values (IAM User Guide, "IAM policy elements: Variables and tags"). A variable
 * without value is "effectively null": it equals nothing, so StringEquals and StringLike do not match it while
 * StringNotEquals and StringNotLike do.
 */
class ConditionVariablesTest {

    private static final String KEY = "s3:prefix";

    /** A request with s3:prefix = {@code prefix} and aws:username = {@code username} (absent when null). */
    private static RequestView prefix(String prefix, String username) {
        return request(b -> {
            b.context(KEY, prefix);
            if (username != null) {
                b.context("aws:username", username);
            }
            return b;
        });
    }

    @Test
    void variableTakesTheRequestsValue() {
        assertThat(holds("StringEquals", KEY, List.of("home/${aws:username}"), prefix("home/alice", "alice"))).isTrue();
        assertThat(holds("StringEquals", KEY, List.of("home/${aws:username}"), prefix("home/bob", "alice"))).isFalse();
        assertThat(holds("StringLike", KEY, List.of("home/${aws:username}/*"), prefix("home/alice/x", "alice"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringEquals", "StringLike", "StringEqualsIgnoreCase"})
    void positiveOperatorDoesNotMatchAVariableWithoutValue(String operator) {
        assertThat(holds(operator, KEY, List.of("${aws:username}"), prefix("", null))).isFalse();
        assertThat(holds(operator, KEY, List.of("home/${aws:username}"), prefix("home/", null))).isFalse();
        assertThat(holds(operator, KEY, List.of("home/${aws:username}"), prefix("home/${aws:username}", null))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringNotEquals", "StringNotLike", "StringNotEqualsIgnoreCase"})
    void negatedOperatorMatchesWhenVariableHasNoValue(String operator) {
        assertThat(holds(operator, KEY, List.of("${aws:username}"), prefix("", null))).isTrue();
        assertThat(holds(operator, KEY, List.of("home/${aws:username}"), prefix("home/", null))).isTrue();
        assertThat(holds(operator, KEY, List.of("home/${aws:username}"), prefix("home/${aws:username}", null))).isTrue();
    }

    @Test
    void negatedOperatorStillFailsWhenAnotherPolicyValueMatches() {
        assertThat(holds("StringNotEquals", KEY, List.of("${aws:username}", "public"), prefix("public", null))).isFalse();
        assertThat(holds("StringNotEquals", KEY, List.of("${aws:username}", "public"), prefix("private", null))).isTrue();
    }

    @Test
    void positiveOperatorStillMatchesAnotherPolicyValue() {
        assertThat(holds("StringEquals", KEY, List.of("${aws:username}", "public"), prefix("public", null))).isTrue();
    }

    @Test
    void arnOperatorsTreatAVariableWithoutValueTheSameWay() {
        List<String> pattern = List.of("arn:aws:iam::111122223333:user/${aws:username}");
        RequestView noUsername = with("aws:PrincipalArn", "arn:aws:iam::111122223333:user/alice");

        assertThat(holds("ArnEquals", "aws:PrincipalArn", pattern, noUsername)).isFalse();
        assertThat(holds("ArnLike", "aws:PrincipalArn", pattern, noUsername)).isFalse();
        assertThat(holds("ArnNotEquals", "aws:PrincipalArn", pattern, noUsername)).isTrue();
        assertThat(holds("ArnNotLike", "aws:PrincipalArn", pattern, noUsername)).isTrue();
    }

    @Test
    void multivaluedKeyGivesTheVariableNoValue() {
        RequestView r = request(b -> b.context(KEY, "a").contextSet("aws:TagKeys", List.of("a")));

        assertThat(holds("StringEquals", KEY, List.of("${aws:TagKeys}"), r)).isFalse();
        assertThat(holds("StringNotEquals", KEY, List.of("${aws:TagKeys}"), r)).isTrue();
    }

    @Test
    void defaultValueStandsInForAMissingVariable() {
        List<String> values = List.of("home/${aws:username, 'guest'}");

        assertThat(holds("StringEquals", KEY, values, prefix("home/guest", null))).isTrue();
        assertThat(holds("StringNotEquals", KEY, values, prefix("home/guest", null))).isFalse();
        assertThat(holds("StringEquals", KEY, values, prefix("home/guest", "alice"))).isFalse();
    }

    @Test
    void variableValueComparesWithTheOperatorsCaseRule() {
        assertThat(holds("StringEquals", KEY, List.of("${aws:username}"), prefix("ALICE", "alice"))).isFalse();
        assertThat(holds("StringEqualsIgnoreCase", KEY, List.of("${aws:username}"), prefix("ALICE", "alice"))).isTrue();
    }

    @Test
    void variableValueIsLiteralEvenInStringLike() {
        RequestView r = request(b -> b.context(KEY, "home/anything").context("aws:username", "*"));

        assertThat(holds("StringLike", KEY, List.of("home/${aws:username}"), r)).isFalse();
    }

    @Test
    void setOperatorsSubstituteTheVariableForEachRequestValue() {
        RequestView r = request(b -> b.contextSet("aws:TagKeys", List.of("alice-env", "alice-team")).context("aws:username", "alice"));

        assertThat(holds("ForAllValues:StringLike", "aws:TagKeys", List.of("${aws:username}-*"), r)).isTrue();
        assertThat(holds("ForAnyValue:StringEquals", "aws:TagKeys", List.of("${aws:username}-team"), r)).isTrue();
    }

    @Test
    void in2008PoliciesDollarBraceIsLiteralText() {
        ConditionClause clause = ConditionClause.compile("StringEquals", KEY, List.of("home/${aws:username}"), false);

        assertThat(clause.test(prefix("home/${aws:username}", "alice"))).isTrue();
        assertThat(clause.test(prefix("home/alice", "alice"))).isFalse();
    }

    @Test
    void escapedCharactersAreLiteralInStringLike() {
        assertThat(holds("StringLike", KEY, List.of("a${*}"), prefix("a*", null))).isTrue();
        assertThat(holds("StringLike", KEY, List.of("a${*}"), prefix("ab", null))).isFalse();
        assertThat(holds("StringLike", KEY, List.of("a${?}"), prefix("a?", null))).isTrue();
        assertThat(holds("StringEquals", KEY, List.of("${$}5"), prefix("$5", null))).isTrue();
    }
}
