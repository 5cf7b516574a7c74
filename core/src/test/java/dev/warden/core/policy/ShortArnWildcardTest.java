package dev.warden.core.policy;

import static dev.warden.core.policy.PolicyJson.doc;
import static dev.warden.core.policy.PolicyJson.parse;
import static dev.warden.core.policy.PolicyJson.refusedAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code *} at the end of an ARN's last part reaches across the colons of the parts left out (IAM User Guide, "IAM
 * JSON policy elements: Resource": "If the * wildcard is the last character of a resource ARN segment, it can expand
 * to match beyond the colon boundaries"): {@code arn:aws:dynamodb:us-east-1:*} is every DynamoDB resource of the
 * Region, {@code arn:aws:rds:*} every RDS resource. The service stays literal, and an ARN that stops early without
 * that {@code *} is still refused.
 */
class ShortArnWildcardTest {

    private static boolean matches(String pattern, String resource) {
        return ResourcePattern.compile(pattern, true).matches(PolicyJson.request("dynamodb:GetItem", resource));
    }

    private static String withResource(String element, String resource) {
        return doc("{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"" + element + "\":\"" + resource + "\"}");
    }

    @Test
    void a_star_ending_the_account_part_covers_every_resource_of_the_region() {
        String pattern = "arn:aws:dynamodb:us-east-1:*";

        assertThat(matches(pattern, "arn:aws:dynamodb:us-east-1:111122223333:table/Books")).isTrue();
        assertThat(matches(pattern, "arn:aws:dynamodb:us-east-1:444455556666:table/Books/index/ByAuthor")).isTrue();
        assertThat(matches(pattern, "arn:aws:dynamodb:us-west-2:111122223333:table/Books")).isFalse();
        assertThat(matches(pattern, "arn:aws:s3:::us-east-1")).isFalse();
    }

    @Test
    void a_star_ending_the_region_part_covers_every_resource_of_the_service() {
        assertThat(matches("arn:aws:rds:*", "arn:aws:rds:eu-west-1:111122223333:db:prod")).isTrue();
        assertThat(matches("arn:aws:rds:*", "arn:aws:rds::111122223333:cluster:c")).isTrue();
        assertThat(matches("arn:aws:rds:*", "arn:aws:s3:::rds")).isFalse();
        assertThat(matches("arn:aws:rds:*", "arn:aws:rdsdata:eu-west-1:111122223333:db:prod")).isFalse();
    }

    @Test
    void the_text_before_the_last_star_still_binds_its_own_part() {
        assertThat(matches("arn:aws:logs:us-*", "arn:aws:logs:us-east-1:111122223333:log-group:g")).isTrue();
        assertThat(matches("arn:aws:logs:us-*", "arn:aws:logs:eu-west-1:111122223333:log-group:us-g")).isFalse();
        assertThat(matches("arn:aws:logs:*:1111*", "arn:aws:logs:eu-west-1:111122223333:log-group:g")).isTrue();
        assertThat(matches("arn:aws:logs:*:1111*", "arn:aws:logs:eu-west-1:444411112222:log-group:g")).isFalse();
    }

    @Test
    void a_star_inside_the_last_part_stays_within_it() {
        // only a star that ends the part reaches beyond it
        assertThat(matches("arn:aws:logs:u*-1*", "arn:aws:logs:us-east-1:111122223333:log-group:g")).isTrue();
        assertThat(matches("arn:aws:logs:u*-1*", "arn:aws:logs:us-east-2:111122223333:log-group:g-1")).isFalse();
    }

    @Test
    void a_six_part_arn_keeps_its_parts_apart() {
        assertThat(matches("arn:aws:s3:::*", "arn:aws:s3:::b/k")).isTrue();
        assertThat(matches("arn:aws:s3:::*", "arn:aws:dynamodb:us-east-1:111122223333:table/Books")).isFalse();
        assertThat(matches("arn:aws:ec2:us-*:111122223333:instance/*",
                "arn:aws:ec2:us-east-1:444455556666:x:111122223333:instance/i-1")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = PolicyKind.class, mode = EnumSource.Mode.EXCLUDE, names = "TRUST") // a trust policy has none
    void every_policy_kind_accepts_a_short_arn_in_resource_and_not_resource(PolicyKind kind) {
        for (String element : new String[] {"Resource", "NotResource"}) {
            String statement = PolicyJson.statementFor(kind, "").replaceFirst("\"Resource\":\"[^\"]*\"",
                    "\"" + element + "\":\"arn:aws:dynamodb:us-east-1:*\"");

            assertThat(parse(doc(statement), kind).statements()).as("%s %s", kind, element).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:dynamodb:us-east-1:*", "arn:aws:rds:*", "arn:aws:logs:*:*", "arn:*:rds:*"})
    void a_short_arn_ending_in_a_star_is_accepted(String resource) {
        assertThat(parse(withResource("Resource", resource), PolicyKind.MANAGED).statements().get(0).resources())
                .containsExactly(resource);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:rds", "arn:aws:rds:us-east-1", "arn:aws:dynamodb:us-east-1:111122223333",
            "arn:aws:s3::", "arn:aws:rds:*:x"})
    void a_short_arn_without_the_final_star_is_refused(String resource) {
        String reason = refusedAt(withResource("Resource", resource), PolicyKind.MANAGED, "/Statement/0/Resource");

        assertThat(reason).contains("\"" + resource + "\"").contains("must be \"*\" or an ARN")
                .contains("only when its last part ends in \"*\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:*:*:*:*", "arn:aws:*", "arn:aws:s3*:::b", "arn:aws:s?:::b",
            "arn:aws:*:us-east-1:*"})
    void a_wildcard_in_the_service_part_is_refused(String resource) {
        String reason = refusedAt(withResource("NotResource", resource), PolicyKind.MANAGED,
                "/Statement/0/NotResource");

        assertThat(reason).contains("service part of an ARN cannot hold a wildcard");
    }

    @Test
    void a_policy_variable_cannot_end_a_short_arn() {
        String reason = refusedAt(withResource("Resource", "arn:aws:s3:${aws:username}*"), PolicyKind.MANAGED,
                "/Statement/0/Resource");

        assertThat(reason).contains("after the fifth colon");
    }
}
