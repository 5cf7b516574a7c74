package dev.warden.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resource patterns (IAM User Guide, "IAM JSON policy elements: Resource"): wildcards within each ARN segment,
 * the resource part as a whole; the resource part case-sensitive, the other parts not; policy variables in the
 * resource part; a request for resource {@code "*"} matched only by {@code "*"}.
 */
class ResourcePatternTest {

    private static boolean matches(String pattern, String resource) {
        return ResourcePattern.compile(pattern, true).matches(PolicyJson.request("s3:GetObject", resource));
    }

    private static RequestView requestAs(String username, String resource) {
        AuthorizationRequest.Builder b = AuthorizationRequest.builder(Principal.of("arn:aws:iam::111122223333:user/alice"),
                "s3:GetObject", resource);
        if (username != null) {
            b.context("aws:username", username);
        }
        return new RequestView(b.build());
    }

    @ParameterizedTest
    @CsvSource({"arn:aws:s3:::bucket/key", "arn:aws:iam::111122223333:user/alice", "*", "bucket/key"})
    void starMatchesEveryResource(String resource) {
        assertThat(matches("*", resource)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"arn:*:s3:*:*:*", "arn:aws:s3:::*", "arn:aws:ec2:*:*:*", "arn:aws:rds:*"})
    void requestForResourceStarIsMatchedOnlyByStar(String pattern) {
        assertThat(matches(pattern, "*")).isFalse();
    }

    @Test
    void exactArnMatchesItselfOnly() {
        assertThat(matches("arn:aws:s3:::bucket/key", "arn:aws:s3:::bucket/key")).isTrue();
        assertThat(matches("arn:aws:s3:::bucket/key", "arn:aws:s3:::bucket/key2")).isFalse();
        assertThat(matches("arn:aws:s3:::bucket", "arn:aws:s3:::bucket/key")).isFalse();
    }

    @Test
    void resourcePartIsCaseSensitive() {
        assertThat(matches("arn:aws:s3:::Bucket/Key", "arn:aws:s3:::bucket/key")).isFalse();
        assertThat(matches("arn:aws:iam::111122223333:user/Bob", "arn:aws:iam::111122223333:user/bob")).isFalse();
    }

    @Test
    void partitionServiceRegionAndAccountIgnoreCase() {
        assertThat(matches("arn:AWS:DynamoDB:US-EAST-1:111122223333:table/T", "arn:aws:dynamodb:us-east-1:111122223333:table/T"))
                .isTrue();
        assertThat(matches("arn:aws:ec2:us-east-1:*:instance/i-1", "arn:AWS:EC2:Us-East-1:111122223333:instance/i-1")).isTrue();
    }

    @Test
    void starInRegionOrAccountMatchesAnyValueOfThatSegmentOnly() {
        assertThat(matches("arn:aws:ec2:*:111122223333:instance/*", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1")).isTrue();
        assertThat(matches("arn:aws:ec2:*:111122223333:instance/*", "arn:aws:ec2:eu-west-1:444455556666:instance/i-1")).isFalse();
        assertThat(matches("arn:aws:ec2:us-*:*:instance/*", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1")).isFalse();
        assertThat(matches("arn:aws:s3:*:*:b", "arn:aws:s3:::b")).isTrue();
    }

    @Test
    void questionMarkInRegionOrAccountMatchesOneCharacter() {
        assertThat(matches("arn:aws:dynamodb:us-east-?:11112222333?:table/T", "arn:aws:dynamodb:us-east-2:111122223334:table/T"))
                .isTrue();
        assertThat(matches("arn:aws:dynamodb:us-east-?:111122223333:table/T", "arn:aws:dynamodb:us-east-12:111122223333:table/T"))
                .isFalse();
    }

    @Test
    void starInPartitionMatchesAnyPartition() {
        assertThat(matches("arn:*:s3:::b/*", "arn:aws-cn:s3:::b/k")).isTrue();
        assertThat(matches("arn:aws:s3:::b/*", "arn:aws-cn:s3:::b/k")).isFalse();
    }

    @Test
    void serviceIsLiteral() {
        assertThat(matches("arn:aws:s3:::b", "arn:aws:s3express:::b")).isFalse();
        assertThat(matches("arn:aws:s3express:::b", "arn:aws:s3:::b")).isFalse();
    }

    @Test
    void starInTheResourcePartSpansSlashesAndColons() {
        assertThat(matches("arn:aws:s3:::b/*", "arn:aws:s3:::b/a/b/c")).isTrue();
        assertThat(matches("arn:aws:logs:us-east-1:111122223333:log-group:*",
                "arn:aws:logs:us-east-1:111122223333:log-group:g:log-stream:s")).isTrue();
        assertThat(matches("arn:aws:s3:::*", "arn:aws:s3:::b")).isTrue();
    }

    @Test
    void wildcardInTheResourceTypeMatchesEveryType() {
        String pattern = "arn:aws:iam::111122223333:*/alice";

        assertThat(matches(pattern, "arn:aws:iam::111122223333:user/alice")).isTrue();
        assertThat(matches(pattern, "arn:aws:iam::111122223333:role/alice")).isTrue();
        assertThat(matches(pattern, "arn:aws:iam::111122223333:user/bob")).isFalse();
        assertThat(matches(pattern, "arn:aws:iam::111122223333:user/division/alice")).isTrue();
    }

    @Test
    void resourceThatIsNoArnIsMatchedOnlyByStar() {
        assertThat(matches("arn:aws:s3:::b/*", "b/key")).isFalse();
        assertThat(matches("arn:aws:s3:::*", "arn:aws:s3")).isFalse();
    }

    @Test
    void variableInTheResourcePartTakesTheRequestsValue() {
        ResourcePattern p = ResourcePattern.compile("arn:aws:s3:::b/home/${aws:username}/*", true);

        assertThat(p.matches(requestAs("alice", "arn:aws:s3:::b/home/alice/notes.txt"))).isTrue();
        assertThat(p.matches(requestAs("bob", "arn:aws:s3:::b/home/alice/notes.txt"))).isFalse();
    }

    @Test
    void variableWithoutValueMatchesNoResource() {
        ResourcePattern p = ResourcePattern.compile("arn:aws:s3:::b/${aws:username}*", true);

        assertThat(p.matches(requestAs(null, "arn:aws:s3:::b/anything"))).isFalse();
        assertThat(p.matches(requestAs(null, "arn:aws:s3:::b/${aws:username}"))).isFalse();
    }

    @Test
    void variableDefaultAppliesWhenTheKeyIsMissing() {
        ResourcePattern p = ResourcePattern.compile("arn:aws:s3:::b/${aws:username, 'shared'}/*", true);

        assertThat(p.matches(requestAs(null, "arn:aws:s3:::b/shared/x"))).isTrue();
        assertThat(p.matches(requestAs("alice", "arn:aws:s3:::b/shared/x"))).isFalse();
    }

    @Test
    void in2008PoliciesAVariableIsLiteralText() {
        ResourcePattern p = ResourcePattern.compile("arn:aws:s3:::b/${aws:username}", false);

        assertThat(p.matches(requestAs("alice", "arn:aws:s3:::b/${aws:username}"))).isTrue();
        assertThat(p.matches(requestAs("alice", "arn:aws:s3:::b/alice"))).isFalse();
    }

    @Test
    void requestResourceStarIsLiteralWhenMatchedByAPattern() {
        assertThat(matches("arn:aws:s3:::b/*", "arn:aws:s3:::b/*")).isTrue();
        assertThat(matches("arn:aws:s3:::b/k", "arn:aws:s3:::b/*")).isFalse();
    }

    @Test
    void toStringIsThePatternAsWritten() {
        assertThat(ResourcePattern.compile("arn:aws:s3:::b/${aws:username}", true)).hasToString("arn:aws:s3:::b/${aws:username}");
    }
}
