package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.OTHER_ACCOUNT;
import static dev.warden.core.eval.Fixture.OTHER_BOB;
import static dev.warden.core.eval.Fixture.OTHER_ROLE;
import static dev.warden.core.eval.Fixture.OTHER_ROOT;
import static dev.warden.core.eval.Fixture.OTHER_SESSION;
import static dev.warden.core.eval.Fixture.ORDER;
import static dev.warden.core.eval.Fixture.THIRD_ACCOUNT;
import static dev.warden.core.eval.Fixture.doc;
import static dev.warden.core.eval.Fixture.given;
import static dev.warden.core.eval.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import dev.warden.spi.StatementRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Across accounts both sides must allow: the caller's identity-based policies and the resource's resource-based
 * policy ("Cross-account policy evaluation logic").
 */
class CrossAccountEvaluationTest {

    private static final String BOB_POLICY = doc(json("{'Sid':'BobReads','Effect':'Allow','Action':'orders:GetOrder','Resource':'*'}"));

    private static String grantTo(String principal) {
        return doc(json("{'Sid':'Partner','Effect':'Allow','Principal':{'AWS':'" + principal
                + "'},'Action':'orders:GetOrder','Resource':'" + ORDER + "'}"));
    }

    @Test
    void bothSidesAllowingGrantsAndBothAreCited() {
        Evaluation evaluation = given()
                .identity("bob-policy", BOB_POLICY)
                .resource("order-policy", grantTo(OTHER_BOB))
                .evaluate(OTHER_BOB, "orders:GetOrder", ORDER);

        assertThat(evaluation.sameAccount()).isFalse();
        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(evaluation.decision().decidingStatements()).containsExactly(
                new StatementRef(PolicyType.IDENTITY, "bob-policy", 0, "BobReads", false),
                new StatementRef(PolicyType.RESOURCE, "order-policy", 0, "Partner", false));
    }

    @Test
    void anIdentityAllowAloneIsNotEnough() {
        Decision decision = given().identity("bob-policy", BOB_POLICY).evaluate(OTHER_BOB, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + OTHER_BOB + " is not authorized to perform: orders:GetOrder"
                + " on resource: " + ORDER + " because no resource-based policy allows the orders:GetOrder action");
    }

    @Test
    void aResourceGrantNamingTheCallerAloneIsNotEnough() {
        Decision decision = given().resource("order-policy", grantTo(OTHER_BOB)).evaluate(OTHER_BOB, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + OTHER_BOB + " is not authorized to perform: orders:GetOrder"
                + " on resource: " + ORDER + " because no identity-based policy allows the orders:GetOrder action");
    }

    @ParameterizedTest
    @ValueSource(strings = {OTHER_ACCOUNT, OTHER_ROOT, "*"})
    void aResourcePolicyTrustingTheCallersAccountOrEveryoneCountsAsTheResourceSide(String principal) {
        Decision decision = given()
                .identity("bob-policy", BOB_POLICY)
                .resource("order-policy", grantTo(principal))
                .evaluate(OTHER_BOB, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements()).extracting(StatementRef::policyType)
                .containsExactly(PolicyType.IDENTITY, PolicyType.RESOURCE);
    }

    @Test
    void aResourcePolicyTrustingAThirdAccountDoesNotCount() {
        Decision decision = given()
                .identity("bob-policy", BOB_POLICY)
                .resource("order-policy", grantTo(THIRD_ACCOUNT))
                .evaluate(OTHER_BOB, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no resource-based policy allows the orders:GetOrder action");
    }

    @Test
    void aResourcePolicyNamingTheCallersRoleGrantsToItsSessions() {
        Decision decision = given()
                .identity("partner-role-policy", BOB_POLICY)
                .resource("order-policy", grantTo(OTHER_ROLE))
                .evaluate(OTHER_SESSION, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void anS3BucketOfAnotherAccountNeedsTheResourceAccountAndThenBothSides() {
        String object = "arn:aws:s3:::partner-bucket/data.csv";
        String bucketPolicy = doc(json("{'Effect':'Allow','Principal':{'AWS':'" + OTHER_ROOT
                + "'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::partner-bucket/*'}"));
        String bobS3 = doc(json("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"));
        AuthorizationRequest crossAccount = AuthorizationRequest.builder(Fixture.principal(OTHER_BOB), "s3:GetObject", object)
                .resourceAccount("111122223333").build();

        Evaluation withoutBucketPolicy = given().identity("bob-s3", bobS3).evaluate(crossAccount);
        Evaluation withBucketPolicy = given().identity("bob-s3", bobS3).resource("bucket-policy", bucketPolicy).evaluate(crossAccount);

        assertThat(withoutBucketPolicy.sameAccount()).isFalse();
        assertThat(withoutBucketPolicy.decision().outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(withoutBucketPolicy.decision().reason())
                .endsWith("because no resource-based policy allows the s3:GetObject action");
        assertThat(withBucketPolicy.decision().outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aResourceDenyWinsOverBothAllows() {
        Decision decision = given()
                .identity("bob-policy", BOB_POLICY)
                .resource("order-policy", doc(
                        json("{'Effect':'Allow','Principal':{'AWS':'" + OTHER_BOB + "'},'Action':'orders:*','Resource':'*'}"),
                        json("{'Sid':'NoGet','Effect':'Deny','Principal':{'AWS':'" + OTHER_ACCOUNT + "'},'Action':'orders:GetOrder','Resource':'*'}")))
                .evaluate(OTHER_BOB, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "order-policy", 1, "NoGet", true));
    }
}
