package dev.warden.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Action patterns (IAM User Guide, "IAM JSON policy elements: Action"): {@code *} or {@code service:name} with
 * wildcards in the name; service prefix and action name compare without regard to case.
 */
class ActionPatternTest {

    private static boolean covers(String pattern, String action) {
        return ActionPattern.compile(pattern).matches(action, action.indexOf(':'));
    }

    @Test
    void exactActionMatchesItself() {
        assertThat(covers("s3:GetObject", "s3:GetObject")).isTrue();
        assertThat(covers("s3:GetObject", "s3:GetObjectAcl")).isFalse();
        assertThat(covers("s3:GetObjectAcl", "s3:GetObject")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"S3:GETOBJECT, s3:GetObject", "s3:getobject, S3:GetObject", "IAM:passrole, iam:PassRole",
            "Ec2:Describe*, ec2:describeinstances"})
    void serviceAndActionNameIgnoreCase(String pattern, String action) {
        assertThat(covers(pattern, action)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"s3:Get*, s3:GetObject, true", "s3:Get*, s3:Get, true", "s3:Get*, s3:PutObject, false",
            "s3:*Object, s3:DeleteObject, true", "s3:*Object, s3:DeleteObjects, false", "s3:?etObject, s3:GetObject, true",
            "s3:?etObject, s3:etObject, false", "s3:*, s3:AnyThing, true", "s3:List*Buckets, s3:ListAllMyBuckets, true",
            "iam:*User*, iam:ListUserTags, true", "iam:*User*, iam:ListRoles, false"})
    void wildcardsInTheActionName(String pattern, String action, boolean expected) {
        assertThat(covers(pattern, action)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"*, s3:GetObject", "*, iam:PassRole", "**, execute-api:Invoke"})
    void starCoversEveryActionOfEveryService(String pattern, String action) {
        assertThat(covers(pattern, action)).isTrue();
        assertThat(ActionPattern.compile(pattern).service()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"s3:*, s3express:CreateSession", "s3express:*, s3:GetObject", "s3:*, s:GetObject", "iam:*, s3:GetObject",
            "ec2:*, ec2messages:GetMessages", "s3:Get*, s3x:GetObject"})
    void serviceMustMatchExactly(String pattern, String action) {
        assertThat(covers(pattern, action)).isFalse();
    }

    @Test
    void serviceIsTheLowerCasePrefix() {
        assertThat(ActionPattern.compile("S3:Get*").service()).isEqualTo("s3");
        assertThat(ActionPattern.compile("execute-API:Invoke").service()).isEqualTo("execute-api");
    }

    @Test
    void toStringIsThePatternAsWritten() {
        assertThat(ActionPattern.compile("S3:Get*")).hasToString("S3:Get*");
    }

    @Test
    void allStarsMeansOnlyStars() {
        assertThat(ActionPattern.isAllStars("*")).isTrue();
        assertThat(ActionPattern.isAllStars("***")).isTrue();
        assertThat(ActionPattern.isAllStars("")).isFalse();
        assertThat(ActionPattern.isAllStars("s3:*")).isFalse();
        assertThat(ActionPattern.isAllStars("* ")).isFalse();
    }
}
