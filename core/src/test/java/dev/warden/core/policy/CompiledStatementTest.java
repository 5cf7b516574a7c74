package dev.warden.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import org.junit.jupiter.api.Test;

/**
 * A compiled statement applies when its Action/NotAction covers the action, its Resource/NotResource covers the
 * resource and every condition holds; NotPrincipal names whoever it does not leave out.
 */
class CompiledStatementTest {

    private static CompiledStatement compile(PolicyKind kind, PolicyType type, String statement) {
        try {
            return CompiledPolicy.parse(PolicyJson.doc(statement), kind, "policy", type).statements().get(0);
        } catch (MalformedPolicyException e) {
            throw new AssertionError(e);
        }
    }

    private static CompiledStatement identity(String statement) {
        return compile(PolicyKind.MANAGED, PolicyType.IDENTITY, statement);
    }

    private static CompiledStatement resourcePolicy(String statement) {
        return compile(PolicyKind.RESOURCE, PolicyType.RESOURCE, statement);
    }

    private static RequestView request(String action, String resource) {
        return PolicyJson.request(action, resource);
    }

    @Test
    void actionElementCoversTheListedActions() {
        CompiledStatement s = identity("{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\"],\"Resource\":\"*\"}");

        assertThat(s.coversAction("s3:GetObject", 2)).isTrue();
        assertThat(s.coversAction("s3:ListBucket", 2)).isTrue();
        assertThat(s.coversAction("s3:PutObject", 2)).isFalse();
    }

    @Test
    void notActionCoversEverythingItDoesNotList() {
        CompiledStatement s = identity("{\"Effect\":\"Deny\",\"NotAction\":[\"iam:*\",\"sts:GetCallerIdentity\"],\"Resource\":\"*\"}");

        assertThat(s.coversAction("s3:GetObject", 2)).isTrue();
        assertThat(s.coversAction("sts:AssumeRole", 3)).isTrue();
        assertThat(s.coversAction("iam:PassRole", 3)).isFalse();
        assertThat(s.coversAction("sts:GetCallerIdentity", 3)).isFalse();
    }

    @Test
    void notResourceCoversEveryResourceItDoesNotList() {
        CompiledStatement s = identity("{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"NotResource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]}");

        assertThat(s.coversResource(request("s3:GetObject", "arn:aws:s3:::other/k"))).isTrue();
        assertThat(s.coversResource(request("s3:GetObject", "*"))).isTrue();
        assertThat(s.coversResource(request("s3:GetObject", "arn:aws:s3:::b/k"))).isFalse();
        assertThat(s.coversResource(request("s3:ListBucket", "arn:aws:s3:::b"))).isFalse();
    }

    @Test
    void notResourceEntryWithAVariableWithoutValueListsNothing() {
        CompiledStatement s = identity("{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::b/${aws:username}/*\"}");

        assertThat(s.coversResource(request("s3:GetObject", "arn:aws:s3:::b/alice/k"))).isTrue();
    }

    @Test
    void trustPolicyStatementCoversAnyResource() {
        CompiledStatement s = compile(PolicyKind.TRUST, PolicyType.RESOURCE,
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"sts:AssumeRole\"}");

        assertThat(s.coversResource(request("sts:AssumeRole", "arn:aws:iam::111122223333:role/R"))).isTrue();
    }

    @Test
    void everyConditionMustHold() {
        CompiledStatement s = identity("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{"
                + "\"StringEquals\":{\"aws:username\":\"alice\"},\"Bool\":{\"aws:SecureTransport\":\"true\"}}}");
        AuthorizationRequest.Builder both = PolicyJson.builder("arn:aws:s3:::b/k").context("aws:username", "alice")
                .context("aws:SecureTransport", "true");
        AuthorizationRequest.Builder one = PolicyJson.builder("arn:aws:s3:::b/k").context("aws:username", "alice")
                .context("aws:SecureTransport", "false");

        assertThat(s.conditionsHold(new RequestView(both.build()))).isTrue();
        assertThat(s.conditionsHold(new RequestView(one.build()))).isFalse();
        assertThat(s.applies(new RequestView(both.build()))).isTrue();
        assertThat(s.applies(new RequestView(one.build()))).isFalse();
    }

    @Test
    void appliesNeedsActionResourceAndConditions() {
        CompiledStatement s = identity("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}");

        assertThat(s.applies(request("s3:GetObject", "arn:aws:s3:::b/k"))).isTrue();
        assertThat(s.applies(request("s3:PutObject", "arn:aws:s3:::b/k"))).isFalse();
        assertThat(s.applies(request("s3:GetObject", "arn:aws:s3:::c/k"))).isFalse();
    }

    @Test
    void statementWithoutPrincipalNamesTheCallerDirectly() {
        CompiledStatement s = identity("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");

        assertThat(s.principalMatch(Principal.of(PolicyJson.ALICE), false)).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(s.namesEveryone()).isFalse();
        assertThat(s.namesPrincipalExactly(PolicyJson.ALICE)).isFalse();
    }

    @Test
    void principalElementDecidesHowTheCallerIsNamed() {
        CompiledStatement s = resourcePolicy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:user/alice\","
                + "\"444455556666\"]},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}");

        assertThat(s.principalMatch(Principal.of(PolicyJson.ALICE), false)).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(s.principalMatch(Principal.of("arn:aws:iam::444455556666:user/x"), false)).isEqualTo(PrincipalMatch.ACCOUNT);
        assertThat(s.principalMatch(Principal.of("arn:aws:iam::111122223333:user/bob"), false)).isEqualTo(PrincipalMatch.NONE);
        assertThat(s.namesPrincipalExactly(PolicyJson.ALICE)).isTrue();
        assertThat(s.namesEveryone()).isFalse();
    }

    @Test
    void principalStarNamesEveryone() {
        CompiledStatement s = resourcePolicy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b/*\"}");

        assertThat(s.namesEveryone()).isTrue();
        assertThat(s.principalMatch(Principal.anonymous(), false)).isEqualTo(PrincipalMatch.DIRECT);
    }

    @Test
    void notPrincipalNamesWhoeverItDoesNotLeaveOut() {
        CompiledStatement s = resourcePolicy("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"arn:aws:iam::111122223333:user/alice\","
                + "\"111122223333\"]},\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\"}");

        assertThat(s.principalMatch(Principal.of(PolicyJson.ALICE), false)).isEqualTo(PrincipalMatch.NONE);
        assertThat(s.principalMatch(Principal.of("arn:aws:iam::111122223333:user/bob"), false)).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(s.principalMatch(Principal.anonymous(), false)).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(s.namesPrincipalExactly(PolicyJson.ALICE)).isFalse();
        assertThat(s.namesEveryone()).isFalse();
    }

    @Test
    void denyWithNotPrincipalAppliesToACallerWithAPermissionsBoundaryWhateverItLists() {
        CompiledStatement s = resourcePolicy("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"arn:aws:iam::111122223333:user/alice\","
                + "\"111122223333\"]},\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\"}");

        assertThat(s.principalMatch(Principal.of(PolicyJson.ALICE), true)).isEqualTo(PrincipalMatch.DIRECT);
    }

    @Test
    void referenceNamesPolicyStatementAndEffect() {
        CompiledPolicy policy;
        try {
            policy = CompiledPolicy.parse(PolicyJson.doc(
                    "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}",
                    "{\"Sid\":\"NoDelete\",\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}"),
                    PolicyKind.MANAGED, "ReadOnly", PolicyType.PERMISSIONS_BOUNDARY);
        } catch (MalformedPolicyException e) {
            throw new AssertionError(e);
        }
        CompiledStatement deny = policy.statements().get(1);

        assertThat(deny.isDeny()).isTrue();
        assertThat(deny.ref().policyType()).isEqualTo(PolicyType.PERMISSIONS_BOUNDARY);
        assertThat(deny.ref().policyName()).isEqualTo("ReadOnly");
        assertThat(deny.ref().index()).isEqualTo(1);
        assertThat(deny.ref().sid()).isEqualTo("NoDelete");
        assertThat(deny.ref().deny()).isTrue();
        assertThat(policy.statements().get(0).isDeny()).isFalse();
        assertThat(deny.source().sid()).isEqualTo("NoDelete");
    }

    @Test
    void servicesAreTheDistinctLowerCasePrefixesOrNoneForStarAndNotAction() {
        assertThat(identity("{\"Effect\":\"Allow\",\"Action\":[\"S3:Get*\",\"s3:List*\",\"IAM:Get*\"],\"Resource\":\"*\"}").services())
                .containsExactly("s3", "iam");
        assertThat(identity("{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"*\"],\"Resource\":\"*\"}").services()).isNull();
        assertThat(identity("{\"Effect\":\"Allow\",\"NotAction\":\"s3:Get*\",\"Resource\":\"*\"}").services()).isNull();
    }
}
