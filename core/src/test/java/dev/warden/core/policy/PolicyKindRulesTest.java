package dev.warden.core.policy;

import static dev.warden.core.policy.PolicyJson.doc;
import static dev.warden.core.policy.PolicyJson.parse;
import static dev.warden.core.policy.PolicyJson.refusedAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each kind of policy must and must not say: identity-based policies (and SCPs) name no principal and need a
 * resource; resource-based and trust policies need a principal; trust policies name no resource and cannot use
 * NotPrincipal; NotPrincipal only with Deny; resource control policies only Deny, for everyone, named actions.
 */
class PolicyKindRulesTest {

    private static final String PRINCIPAL = "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/alice\"}";

    @ParameterizedTest
    @EnumSource(value = PolicyKind.class, names = {"USER_INLINE", "GROUP_INLINE", "ROLE_INLINE", "MANAGED", "SESSION",
            "SERVICE_CONTROL"})
    void statementWithoutResourceIsRefusedWhereTheKindNeedsOne(PolicyKind kind) {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}"), kind, "/Statement/0");

        assertThat(reason).contains("must have a Resource or a NotResource").contains(kind.description());
    }

    @ParameterizedTest
    @EnumSource(value = PolicyKind.class, names = {"RESOURCE", "VPC_ENDPOINT", "RESOURCE_CONTROL"})
    void resourceIsRequiredInResourceBasedPoliciesToo(PolicyKind kind) {
        refusedAt(doc("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\"}"), kind, "/Statement/0");
    }

    @ParameterizedTest
    @EnumSource(value = PolicyKind.class, names = {"USER_INLINE", "GROUP_INLINE", "ROLE_INLINE", "MANAGED", "SESSION",
            "SERVICE_CONTROL"})
    void principalIsRefusedWhereThePolicyIsAttachedToThePrincipal(PolicyKind kind) {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\"," + PRINCIPAL + ",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"),
                kind, "/Statement/0/Principal");

        assertThat(reason).contains("must not name a Principal").contains(kind.description());
    }

    @ParameterizedTest
    @EnumSource(value = PolicyKind.class, names = {"MANAGED", "SERVICE_CONTROL"})
    void notPrincipalIsRefusedWherePrincipalIs(PolicyKind kind) {
        String reason = refusedAt(doc("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"), kind, "/Statement/0/NotPrincipal");

        assertThat(reason).contains("must not name a NotPrincipal");
    }

    @ParameterizedTest
    @EnumSource(value = PolicyKind.class, names = {"RESOURCE", "VPC_ENDPOINT", "TRUST", "RESOURCE_CONTROL"})
    void statementWithoutPrincipalIsRefusedWhereTheKindNeedsOne(PolicyKind kind) {
        String reason = refusedAt(doc("{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"), kind,
                "/Statement/0");

        assertThat(reason).contains("must have a Principal or NotPrincipal");
    }

    @Test
    void trustPolicyNeedsAPrincipalEvenWithoutResource() {
        refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}"), PolicyKind.TRUST, "/Statement/0");
    }

    @Test
    void resourceInATrustPolicyIsRefused() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\"," + PRINCIPAL + ",\"Action\":\"sts:AssumeRole\","
                + "\"Resource\":\"arn:aws:iam::111122223333:role/R\"}"), PolicyKind.TRUST, "/Statement/0/Resource");

        assertThat(reason).contains("role trust policy must not have a Resource");
    }

    @Test
    void notResourceInATrustPolicyIsRefused() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\"," + PRINCIPAL + ",\"Action\":\"sts:AssumeRole\","
                + "\"NotResource\":\"*\"}"), PolicyKind.TRUST, "/Statement/0/NotResource");

        assertThat(reason).contains("must not have a NotResource");
    }

    @Test
    void notPrincipalInATrustPolicyIsRefusedEvenWithDeny() {
        String reason = refusedAt(doc(PolicyJson.statementFor(PolicyKind.TRUST, ""),
                "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"Action\":\"sts:AssumeRole\"}"),
                PolicyKind.TRUST, "/Statement/1/NotPrincipal");

        assertThat(reason).contains("trust policy cannot use NotPrincipal");
    }

    @Test
    void notPrincipalWithAllowIsRefused() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"), PolicyKind.RESOURCE, "/Statement/0/NotPrincipal");

        assertThat(reason).contains("NotPrincipal can only be used with \"Effect\": \"Deny\"");
    }

    @Test
    void resourceControlPolicyMayNotAllow() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"),
                PolicyKind.RESOURCE_CONTROL, "/Statement/0/Effect");

        assertThat(reason).contains("resource control policy may only Deny");
    }

    @Test
    void resourceControlPolicyPrincipalMustBeEveryone() {
        String reason = refusedAt(doc("{\"Effect\":\"Deny\"," + PRINCIPAL + ",\"Action\":\"s3:*\",\"Resource\":\"*\"}"),
                PolicyKind.RESOURCE_CONTROL, "/Statement/0/Principal");

        assertThat(reason).contains("\"Principal\": \"*\"");
    }

    @Test
    void resourceControlPolicyAcceptsAwsStarAsEveryone() {
        assertThat(parse(doc("{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}"),
                PolicyKind.RESOURCE_CONTROL).statements()).hasSize(1);
    }

    @Test
    void resourceControlPolicyRefusesNotPrincipal() {
        refusedAt(doc("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}"),
                PolicyKind.RESOURCE_CONTROL, "/Statement/0/NotPrincipal");
    }

    @Test
    void resourceControlPolicyRefusesTheStarAction() {
        String reason = refusedAt(doc("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}"),
                PolicyKind.RESOURCE_CONTROL, "/Statement/0/Action");

        assertThat(reason).contains("may not use \"*\" as its action");
    }

    @Test
    void resourceControlPolicyRefusesTheStarActionInsideAList() {
        refusedAt(doc("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"s3:*\",\"*\"],\"Resource\":\"*\"}"),
                PolicyKind.RESOURCE_CONTROL, "/Statement/0/Action/1");
    }

    @Test
    void resourceControlPolicyRefusesNotAction() {
        String reason = refusedAt(doc("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":\"s3:GetObject\",\"Resource\":\"*\"}"),
                PolicyKind.RESOURCE_CONTROL, "/Statement/0/NotAction");

        assertThat(reason).contains("cannot use NotAction");
    }

    @Test
    void serviceControlPolicyAcceptsNotActionAndStar() {
        assertThat(parse(doc("{\"Effect\":\"Deny\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"), PolicyKind.SERVICE_CONTROL).statements()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(PolicyKind.class)
    void onlyResourceTrustAndResourceControlPoliciesTakeAPrincipal(PolicyKind kind) {
        assertThat(kind.takesPrincipal()).isEqualTo(kind == PolicyKind.RESOURCE || kind == PolicyKind.VPC_ENDPOINT
                || kind == PolicyKind.TRUST || kind == PolicyKind.RESOURCE_CONTROL);
    }
}
