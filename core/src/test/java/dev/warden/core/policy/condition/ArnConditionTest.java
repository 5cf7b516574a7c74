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

/**
 * The ARN operators compare each of the six colon-separated parts on its own, case-sensitively, with wildcards
 * in each part for ArnEquals as for ArnLike (IAM User Guide, Amazon Resource Name (ARN) condition operators).
 */
class ArnConditionTest {

    private static final String KEY = "aws:SourceArn";

    @ParameterizedTest
    @ValueSource(strings = {"ArnEquals", "ArnLike"})
    void exactArnMatches(String operator) {
        assertThat(holds(operator, KEY, "arn:aws:sns:us-east-1:111122223333:topic", "arn:aws:sns:us-east-1:111122223333:topic"))
                .isTrue();
        assertThat(holds(operator, KEY, "arn:aws:sns:us-east-1:111122223333:topic", "arn:aws:sns:us-east-1:111122223333:topic2"))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({"arn:aws:iam::*:role/*, arn:aws:iam::444455556666:role/R, true",
            "arn:aws:iam::*:role/*, arn:aws:iam::444455556666:user/R, false",
            "arn:aws:sns:*:111122223333:*, arn:aws:sns:eu-west-1:111122223333:topic, true",
            "arn:aws:sns:*:111122223333:*, arn:aws:sns:eu-west-1:444455556666:topic, false",
            "arn:aws:s3:::b/*, arn:aws:s3:::b/a/b:c, true",
            "arn:aws:logs:*:*:log-group:*, arn:aws:logs:us-east-1:111122223333:log-group:g:log-stream:s, true",
            "arn:aws:ec2:us-east-?:*:instance/*, arn:aws:ec2:us-east-2:111122223333:instance/i-1, true",
            "arn:aws:ec2:us-east-?:*:instance/*, arn:aws:ec2:us-east-12:111122223333:instance/i-1, false",
            "arn:*:*:*:*:*, arn:aws:s3:::b, true",
            "arn:aws:s*:::b, arn:aws:sqs:::b, true"})
    void wildcardsStayWithinTheirPartForBothOperators(String pattern, String arn, boolean expected) {
        assertThat(holds("ArnLike", KEY, pattern, arn)).isEqualTo(expected);
        assertThat(holds("ArnEquals", KEY, pattern, arn)).isEqualTo(expected);
    }

    @Test
    void wildcardInAnEarlyPartCannotSwallowAColon() {
        assertThat(holds("ArnLike", KEY, "arn:aws:sns:*::topic", "arn:aws:sns:us-east-1:111122223333:topic")).isFalse();
        assertThat(holds("ArnLike", KEY, "arn:aws:sns:*::topic", "arn:aws:sns:us-east-1::topic")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"arn:aws:iam::111122223333:user/Alice, arn:aws:iam::111122223333:user/alice",
            "arn:AWS:iam::111122223333:user/alice, arn:aws:iam::111122223333:user/alice",
            "arn:aws:IAM::111122223333:user/alice, arn:aws:iam::111122223333:user/alice"})
    void everyPartIsCaseSensitive(String pattern, String arn) {
        assertThat(holds("ArnLike", KEY, pattern, arn)).isFalse();
        assertThat(holds("ArnEquals", KEY, pattern, arn)).isFalse();
    }

    @Test
    void negatedOperatorsHoldWhenNoPatternMatches() {
        List<String> patterns = List.of("arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:user/admin");

        assertThat(holds("ArnNotLike", KEY, patterns, with(KEY, "arn:aws:iam::111122223333:user/alice"))).isTrue();
        assertThat(holds("ArnNotLike", KEY, patterns, with(KEY, "arn:aws:iam::111122223333:role/R"))).isFalse();
        assertThat(holds("ArnNotEquals", KEY, patterns, with(KEY, "arn:aws:iam::111122223333:user/admin"))).isFalse();
        assertThat(holds("ArnNotEquals", KEY, patterns, with(KEY, "arn:aws:iam::111122223333:user/alice"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-arn", "arn:aws:s3", "arn:aws:s3::", "", "111122223333"})
    void requestValueThatIsNoArnSatisfiesNoArnOperator(String value) {
        for (String operator : List.of("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike")) {
            assertThat(holds(operator, KEY, "arn:*:*:*:*:*", value)).as("%s %s", operator, value).isFalse();
        }
    }

    @Test
    void firstPartMustBeArn() {
        assertThat(holds("ArnLike", KEY, "arn:aws:s3:::b", "urn:aws:s3:::b")).isFalse();
    }

    @Test
    void absentKeyFailsPositiveOperatorsAndSatisfiesNegatedOnes() {
        assertThat(holds("ArnLike", KEY, List.of("arn:*:*:*:*:*"), empty())).isFalse();
        assertThat(holds("ArnNotLike", KEY, List.of("arn:aws:s3:::b"), empty())).isTrue();
    }

    @Test
    void variableInTheResourcePartTakesTheRequestsValue() {
        List<String> pattern = List.of("arn:aws:iam::111122223333:user/${aws:username}");

        assertThat(holds("ArnEquals", KEY, pattern, request(b -> b.context(KEY, "arn:aws:iam::111122223333:user/alice")
                .context("aws:username", "alice")))).isTrue();
        assertThat(holds("ArnEquals", KEY, pattern, request(b -> b.context(KEY, "arn:aws:iam::111122223333:user/bob")
                .context("aws:username", "alice")))).isFalse();
    }

    @Test
    void variableInTheAccountPartIsOneVariableDespiteTheColonInItsName() {
        List<String> pattern = List.of("arn:aws:iam::${aws:PrincipalAccount}:role/*");

        assertThat(holds("ArnLike", "aws:PrincipalArn", pattern, request(b -> b
                .context("aws:PrincipalArn", "arn:aws:iam::111122223333:role/R")
                .context("aws:PrincipalAccount", "111122223333")))).isTrue();
        assertThat(holds("ArnLike", "aws:PrincipalArn", pattern, request(b -> b
                .context("aws:PrincipalArn", "arn:aws:iam::444455556666:role/R")
                .context("aws:PrincipalAccount", "111122223333")))).isFalse();
        assertThat(holds("ArnNotLike", "aws:PrincipalArn", pattern, request(b -> b
                .context("aws:PrincipalArn", "arn:aws:iam::111122223333:role/R")
                .context("aws:PrincipalAccount", "111122223333")))).isFalse();
    }

    @Test
    void variableWithoutValueMatchesNothingSoTheNegatedOperatorHolds() {
        List<String> pattern = List.of("arn:aws:iam::${aws:PrincipalAccount}:role/*");

        assertThat(holds("ArnLike", "aws:PrincipalArn", pattern, with("aws:PrincipalArn", "arn:aws:iam::111122223333:role/R")))
                .isFalse();
        assertThat(holds("ArnNotLike", "aws:PrincipalArn", pattern, with("aws:PrincipalArn", "arn:aws:iam::111122223333:role/R")))
                .isTrue();
    }

    @Test
    void in2008PoliciesAVariableIsLiteralText() {
        ConditionClause clause = ConditionClause.compile("ArnEquals", KEY, List.of("arn:aws:iam::111122223333:user/${aws:username}"),
                false);

        assertThat(clause.test(request(b -> b.context(KEY, "arn:aws:iam::111122223333:user/${aws:username}")
                .context("aws:username", "alice")))).isTrue();
        assertThat(clause.test(request(b -> b.context(KEY, "arn:aws:iam::111122223333:user/alice")
                .context("aws:username", "alice")))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-arn", "arn:aws:s3", "urn:aws:s3:::b", "*"})
    void policyValueThatIsNoArnIsRejected(String value) {
        assertThatThrownBy(() -> ConditionClause.compile("ArnLike", KEY, List.of("arn:aws:s3:::b", value), true))
                .isInstanceOfSatisfying(InvalidConditionException.class, e -> assertThat(e.valueIndex()).isEqualTo(1))
                .hasMessageContaining("is not an ARN");
    }
}
