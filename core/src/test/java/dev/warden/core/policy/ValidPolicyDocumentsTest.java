package dev.warden.core.policy;

import static dev.warden.core.policy.PolicyJson.allow;
import static dev.warden.core.policy.PolicyJson.doc;
import static dev.warden.core.policy.PolicyJson.parse;
import static dev.warden.core.policy.PolicyJson.statementFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every valid form of the policy grammar parses, into the statements it spells. */
class ValidPolicyDocumentsTest {

    @ParameterizedTest
    @EnumSource(PolicyKind.class)
    void aMinimalStatementOfEachKindParses(PolicyKind kind) {
        Policy policy = parse(doc(statementFor(kind, "")), kind);

        assertThat(policy.kind()).isEqualTo(kind);
        assertThat(policy.statements()).hasSize(1);
    }

    @Test
    void statementGivenAsASingleObjectIsOneStatementAtIndexZero() {
        Policy policy = parse("{\"Version\":\"2012-10-17\",\"Statement\":" + allow("\"Sid\":\"One\"") + "}",
                PolicyKind.MANAGED);

        assertThat(policy.statements()).singleElement().satisfies(s -> {
            assertThat(s.index()).isZero();
            assertThat(s.sid()).isEqualTo("One");
        });
    }

    @Test
    void statementArrayKeepsDocumentOrderAndIndexes() {
        Policy policy = parse(doc(allow("\"Sid\":\"A\""), allow("\"Sid\":\"B\""), allow("\"Sid\":\"C\"")), PolicyKind.MANAGED);

        assertThat(policy.statements()).extracting(Statement::sid).containsExactly("A", "B", "C");
        assertThat(policy.statements()).extracting(Statement::index).containsExactly(0, 1, 2);
    }

    @Test
    void statementElementsAreReadIntoTheModel() {
        Policy policy = parse(doc("{\"Sid\":\"Deny1\",\"Effect\":\"Deny\",\"NotAction\":[\"s3:Get*\",\"iam:*\"],"
                + "\"NotResource\":\"arn:aws:s3:::b/*\"}"), PolicyKind.MANAGED);

        Statement s = policy.statements().get(0);
        assertThat(s.effect()).isEqualTo(Effect.DENY);
        assertThat(s.notAction()).isTrue();
        assertThat(s.actions()).containsExactly("s3:Get*", "iam:*");
        assertThat(s.notResource()).isTrue();
        assertThat(s.resources()).containsExactly("arn:aws:s3:::b/*");
        assertThat(s.principal()).isNull();
        assertThat(s.conditions()).isEmpty();
    }

    @Test
    void versionIdAndVerbatimTextAreKept() {
        String json = "{\"Version\":\"2012-10-17\",\"Id\":\"any text - even with spaces\",\"Statement\":" + allow("") + "}";

        Policy policy = parse(json, PolicyKind.MANAGED);

        assertThat(policy.version()).isEqualTo(Policy.VERSION_2012);
        assertThat(policy.id()).isEqualTo("any text - even with spaces");
        assertThat(policy.text()).isEqualTo(json);
        assertThat(policy.hasPolicyVariables()).isTrue();
    }

    @Test
    void version2008HasNoPolicyVariables() {
        Policy policy = parse("{\"Version\":\"2008-10-17\",\"Statement\":" + allow("") + "}", PolicyKind.MANAGED);

        assertThat(policy.version()).isEqualTo(Policy.VERSION_2008);
        assertThat(policy.hasPolicyVariables()).isFalse();
    }

    @Test
    void missingVersionIsAcceptedAndReadAsTheOldLanguage() {
        Policy policy = parse("{\"Statement\":" + allow("") + "}", PolicyKind.MANAGED);

        assertThat(policy.version()).isNull();
        assertThat(policy.hasPolicyVariables()).isFalse();
    }

    @Test
    void trustPolicyStatementHasNoResource() {
        Policy policy = parse(doc(statementFor(PolicyKind.TRUST, "")), PolicyKind.TRUST);

        assertThat(policy.statements().get(0).resources()).isNull();
    }

    @Test
    void principalStarIsTheWildcardElement() {
        Policy policy = parse(doc("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b/*\"}"), PolicyKind.RESOURCE);

        PrincipalElement principal = policy.statements().get(0).principal();
        assertThat(principal.wildcard()).isTrue();
        assertThat(principal.isEveryone()).isTrue();
        assertThat(policy.statements().get(0).notPrincipal()).isFalse();
    }

    @Test
    void principalByTypeTakesAStringOrAnArrayForEachType() {
        Policy policy = parse(doc("{\"Effect\":\"Allow\",\"Principal\":{"
                + "\"AWS\":[\"111122223333\",\"arn:aws:iam::444455556666:root\",\"arn:aws:iam::111122223333:role/path/R\","
                + "\"arn:aws:sts::111122223333:assumed-role/R/s\",\"AIDAEXAMPLEUNIQUEID1\"],"
                + "\"Service\":\"lambda.amazonaws.com\","
                + "\"Federated\":[\"cognito-identity.amazonaws.com\"],"
                + "\"CanonicalUser\":\"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"), PolicyKind.RESOURCE);

        PrincipalElement principal = policy.statements().get(0).principal();
        assertThat(principal.wildcard()).isFalse();
        assertThat(principal.aws()).hasSize(5).contains("111122223333", "AIDAEXAMPLEUNIQUEID1");
        assertThat(principal.service()).containsExactly("lambda.amazonaws.com");
        assertThat(principal.federated()).containsExactly("cognito-identity.amazonaws.com");
        assertThat(principal.canonicalUser()).hasSize(1);
        assertThat(principal.isEveryone()).isFalse();
    }

    @Test
    void awsStarInsideThePrincipalObjectIsEveryone() {
        Policy policy = parse(doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b/*\"}"), PolicyKind.RESOURCE);

        assertThat(policy.statements().get(0).principal().isEveryone()).isTrue();
    }

    @Test
    void notPrincipalWithDenyIsAcceptedInAResourcePolicy() {
        Policy policy = parse(doc("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"arn:aws:iam::111122223333:user/alice\","
                + "\"111122223333\"]},\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\"}"), PolicyKind.RESOURCE);

        assertThat(policy.statements().get(0).notPrincipal()).isTrue();
        assertThat(policy.statements().get(0).principal().aws()).hasSize(2);
    }

    @Test
    void conditionValuesMayBeStringsNumbersBooleansOrArraysOfThem() {
        Policy policy = parse(doc(allow("\"Condition\":{"
                + "\"StringEquals\":{\"aws:username\":\"alice\"},"
                + "\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":3600},"
                + "\"NumericEquals\":{\"s3:max-keys\":[10,\"20\",1.50]},"
                + "\"Bool\":{\"aws:SecureTransport\":true},"
                + "\"ForAnyValue:StringLike\":{\"aws:TagKeys\":[\"env\",\"team*\"]}}")), PolicyKind.MANAGED);

        assertThat(policy.statements().get(0).conditions()).containsExactly(
                new Statement.Condition("StringEquals", "aws:username", List.of("alice")),
                new Statement.Condition("NumericLessThan", "aws:MultiFactorAuthAge", List.of("3600")),
                new Statement.Condition("NumericEquals", "s3:max-keys", List.of("10", "20", "1.5")),
                new Statement.Condition("Bool", "aws:SecureTransport", List.of("true")),
                new Statement.Condition("ForAnyValue:StringLike", "aws:TagKeys", List.of("env", "team*")));
    }

    @Test
    void numberInExponentFormBecomesItsPlainText() {
        Policy policy = parse(doc(allow("\"Condition\":{\"NumericEquals\":{\"s3:max-keys\":1e3}}")), PolicyKind.MANAGED);

        assertThat(policy.statements().get(0).conditions().get(0).values()).containsExactly("1000");
    }

    @Test
    void severalKeysUnderOneOperatorBecomeOneConditionEach() {
        Policy policy = parse(doc(allow("\"Condition\":{\"StringEquals\":{\"aws:username\":\"a\",\"aws:PrincipalTag/team\":\"b\"}}")),
                PolicyKind.MANAGED);

        assertThat(policy.statements().get(0).conditions()).extracting(Statement.Condition::key)
                .containsExactly("aws:username", "aws:PrincipalTag/team");
    }

    @Test
    void emptyConditionBlockIsAccepted() {
        Policy policy = parse(doc(allow("\"Condition\":{}")), PolicyKind.MANAGED);

        assertThat(policy.statements().get(0).conditions()).isEmpty();
    }

    @Test
    void sidWithPunctuationIsAcceptedInAResourcePolicy() {
        Policy policy = parse(doc(statementFor(PolicyKind.RESOURCE, "\"Sid\":\"Allow read-only: 1\"")), PolicyKind.RESOURCE);

        assertThat(policy.statements().get(0).sid()).isEqualTo("Allow read-only: 1");
    }

    @Test
    void resourcePolicyWithPrincipalStarAndSpecialActionsParses() {
        Policy policy = parse(doc("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:Get*\",\"s3:?ist*\"],"
                + "\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]}"), PolicyKind.RESOURCE);

        assertThat(policy.statements().get(0).resources()).hasSize(2);
    }

    @Test
    void alreadyParsedJsonDocumentIsValidatedTheSameWay() throws Exception {
        var node = new ObjectMapper().readTree(doc(allow("\"Sid\":\"FromNode\"")));

        Policy policy = PolicyParser.parse(node, PolicyKind.MANAGED);

        assertThat(policy.statements().get(0).sid()).isEqualTo("FromNode");
        assertThat(policy.text()).isEqualTo(node.toString());
    }
}
