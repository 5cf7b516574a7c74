package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ACCOUNT;
import static dev.warden.core.eval.Fixture.ORDER;
import static dev.warden.core.eval.Fixture.doc;
import static dev.warden.core.eval.Fixture.given;
import static dev.warden.core.eval.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unsigned requests and service principals have no identity-based policies: only a resource-based policy that
 * names them ({@code "*"}, or the service) grants, and explicit denies and RCPs still apply ("AWS JSON policy
 * elements: Principal": anonymous users, service principals).
 */
class AnonymousAndServicePrincipalTest {

    private static final String OBJECT = "arn:aws:s3:::public/a.txt";
    private static final String LAMBDA = "lambda.amazonaws.com";

    private static AuthorizationRequest anonymous(String action, String resource) {
        return AuthorizationRequest.builder(Principal.anonymous(), action, resource).resourceAccount(ACCOUNT).build();
    }

    private static String bucketPolicy(String principal) {
        return doc(json("{'Sid':'Public','Effect':'Allow','Principal':" + principal
                + ",'Action':'s3:GetObject','Resource':'arn:aws:s3:::public/*'}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'*'", "{'AWS':'*'}"})
    void aResourcePolicyForEveryoneGrantsToAnonymousCallers(String principal) {
        Decision decision = given().resource("bucket-policy", bucketPolicy(principal))
                .evaluate(anonymous("s3:GetObject", OBJECT)).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "bucket-policy", 0, "Public", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'AWS':'111122223333'}", "{'AWS':'arn:aws:iam::111122223333:root'}",
            "{'Service':'lambda.amazonaws.com'}"})
    void aResourcePolicyNamingAnAccountOrServiceDoesNotApplyToAnonymousCallers(String principal) {
        Decision decision = given().resource("bucket-policy", bucketPolicy(principal))
                .evaluate(anonymous("s3:GetObject", OBJECT)).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("Anonymous user is not authorized to perform: s3:GetObject on resource: "
                + OBJECT + " because no resource-based policy allows the s3:GetObject action");
    }

    @Test
    void anAnonymousCallerWithoutAResourcePolicyIsImplicitlyDenied() {
        Decision decision = given().evaluate(anonymous("s3:GetObject", OBJECT)).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no resource-based policy allows the s3:GetObject action");
    }

    @Test
    void anExplicitDenyInTheResourcePolicyAppliesToAnonymousCallers() {
        String policy = doc(json("{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'*'}"),
                json("{'Sid':'NoSecrets','Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::public/secret/*'}"));

        Decision decision = given().resource("bucket-policy", policy)
                .evaluate(anonymous("s3:GetObject", "arn:aws:s3:::public/secret/key")).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("Anonymous user is not authorized to perform: s3:GetObject on resource: "
                + "arn:aws:s3:::public/secret/key with an explicit deny in a resource-based policy");
    }

    @Test
    void identityPoliciesGiveAnAnonymousCallerNothingAndAreNotConsulted() {
        Evaluation evaluation = given().identity("stray", doc(json("{'Effect':'Allow','Action':'*','Resource':'*'}")))
                .evaluate(anonymous("s3:GetObject", OBJECT));

        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(evaluation.resultsByType()).doesNotContainKey(PolicyType.IDENTITY);
    }

    @Test
    void resourceControlPoliciesApplyToAnonymousCallers() {
        Decision decision = given().resource("bucket-policy", bucketPolicy("'*'"))
                .rcpLevel("rcp", doc(json("{'Sid':'NoPublicReads','Effect':'Deny','Principal':'*','Action':'s3:GetObject',"
                        + "'Resource':'*','Condition':{'Null':{'aws:PrincipalAccount':'true'}}}")))
                .evaluate(anonymous("s3:GetObject", OBJECT)).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("with an explicit deny in a resource control policy");
    }

    @Test
    void aResourcePolicyNamingTheServiceGrantsToIt() {
        Decision decision = given()
                .resource("order-policy", doc(json("{'Sid':'Lambda','Effect':'Allow','Principal':{'Service':'" + LAMBDA
                        + "'},'Action':'orders:GetOrder','Resource':'*'}")))
                .evaluate(LAMBDA, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "order-policy", 0, "Lambda", false));
    }

    @Test
    void aResourcePolicyNamingAnotherServiceDoesNotGrant() {
        Decision decision = given()
                .resource("order-policy", doc(json("{'Effect':'Allow','Principal':{'Service':'sns.amazonaws.com'},"
                        + "'Action':'orders:GetOrder','Resource':'*'}")))
                .evaluate(LAMBDA, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + LAMBDA + " is not authorized to perform: orders:GetOrder on"
                + " resource: " + ORDER + " because no resource-based policy allows the orders:GetOrder action");
    }

    @Test
    void identityPoliciesAndBoundariesDoNotApplyToServicePrincipals() {
        String denyAll = doc(json("{'Effect':'Deny','Action':'*','Resource':'*'}"));

        Evaluation evaluation = given()
                .identity("stray", denyAll)
                .boundary("stray-boundary", denyAll)
                .resource("order-policy", doc(json("{'Effect':'Allow','Principal':{'Service':'" + LAMBDA
                        + "'},'Action':'orders:GetOrder','Resource':'*'}")))
                .evaluate(LAMBDA, "orders:GetOrder", ORDER);

        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(evaluation.resultsByType()).containsOnlyKeys(PolicyType.RESOURCE);
    }

    @Test
    void aResourcePolicyDenyNamingTheServiceApplies() {
        Decision decision = given()
                .resource("order-policy", doc(json("{'Effect':'Allow','Principal':'*','Action':'orders:*','Resource':'*'}"),
                        json("{'Effect':'Deny','Principal':{'Service':'" + LAMBDA + "'},'Action':'orders:GetOrder','Resource':'*'}")))
                .evaluate(LAMBDA, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
    }
}
