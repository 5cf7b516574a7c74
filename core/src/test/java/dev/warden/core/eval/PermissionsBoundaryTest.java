package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ALICE;
import static dev.warden.core.eval.Fixture.OTHER_BOB;
import static dev.warden.core.eval.Fixture.ORDER;
import static dev.warden.core.eval.Fixture.ROLE;
import static dev.warden.core.eval.Fixture.ROOT;
import static dev.warden.core.eval.Fixture.SESSION;
import static dev.warden.core.eval.Fixture.doc;
import static dev.warden.core.eval.Fixture.given;
import static dev.warden.core.eval.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import dev.warden.spi.StatementRef;
import org.junit.jupiter.api.Test;

/**
 * A permissions boundary caps identity-based permissions; within an account it does not cap a resource-based
 * grant to the user or to the session itself, but it does cap a grant to the role behind a session, and across
 * accounts it caps everything ("Permissions boundaries for IAM entities", "Policy evaluation logic"). A Deny with
 * NotPrincipal in a resource-based policy always applies to a principal with a boundary ("AWS JSON policy
 * elements: NotPrincipal").
 */
class PermissionsBoundaryTest {

    private static final String ALLOW_ORDERS = doc(json("{'Sid':'Orders','Effect':'Allow','Action':'orders:*','Resource':'*'}"));
    private static final String BOUNDARY_GETS = doc(json("{'Effect':'Allow','Action':'orders:Get*','Resource':'*'}"));
    private static final String BOUNDARY_S3 = doc(json("{'Effect':'Allow','Action':'s3:*','Resource':'*'}"));

    private static String grantTo(String principal) {
        return doc(json("{'Sid':'Grant','Effect':'Allow','Principal':{'AWS':'" + principal
                + "'},'Action':'orders:CancelOrder','Resource':'" + ORDER + "'}"));
    }

    @Test
    void theEffectivePermissionsAreTheIntersection() {
        Fixture.Policies policies = given().identity("alice-policy", ALLOW_ORDERS).boundary("boundary", BOUNDARY_GETS);

        Decision get = policies.evaluate(ALICE, "orders:GetOrder", ORDER).decision();
        Decision cancel = policies.evaluate(ALICE, "orders:CancelOrder", ORDER).decision();

        assertThat(get.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(get.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.IDENTITY, "alice-policy", 0, "Orders", false));
        assertThat(cancel.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(cancel.reason()).isEqualTo("User: " + ALICE + " is not authorized to perform: orders:CancelOrder on"
                + " resource: " + ORDER + " because no permissions boundary allows the orders:CancelOrder action");
    }

    @Test
    void aBoundaryAloneGrantsNothing() {
        Decision decision = given().boundary("boundary", BOUNDARY_GETS).evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no identity-based policy allows the orders:GetOrder action");
    }

    @Test
    void aSameAccountResourceGrantToTheUserArnIsNotCapped() {
        Decision decision = given()
                .boundary("boundary", BOUNDARY_S3)
                .resource("order-policy", grantTo(ALICE))
                .evaluate(ALICE, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "order-policy", 0, "Grant", false));
    }

    @Test
    void aSameAccountResourceGrantToTheRoleArnIsCappedForItsSessions() {
        Decision decision = given()
                .boundary("boundary", BOUNDARY_S3)
                .resource("order-policy", grantTo(ROLE))
                .evaluate(SESSION, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no permissions boundary allows the orders:CancelOrder action");
    }

    @Test
    void aSameAccountResourceGrantToTheRoleArnWithinTheBoundaryIsAllowed() {
        Decision decision = given()
                .boundary("boundary", doc(json("{'Effect':'Allow','Action':'orders:*','Resource':'*'}")))
                .resource("order-policy", grantTo(ROLE))
                .evaluate(SESSION, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aSameAccountResourceGrantToTheSessionArnIsNotCapped() {
        Decision decision = given()
                .boundary("boundary", BOUNDARY_S3)
                .resource("order-policy", grantTo(SESSION))
                .evaluate(SESSION, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "order-policy", 0, "Grant", false));
    }

    @Test
    void aSameAccountResourceGrantToTheAccountIsCappedThroughTheIdentityAllow() {
        Decision decision = given()
                .identity("alice-policy", ALLOW_ORDERS)
                .boundary("boundary", BOUNDARY_S3)
                .resource("order-policy", grantTo(ROOT))
                .evaluate(ALICE, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no permissions boundary allows the orders:CancelOrder action");
    }

    @Test
    void crossAccountTheBoundaryCapsEvenAGrantNamingTheUser() {
        Decision decision = given()
                .identity("bob-policy", ALLOW_ORDERS)
                .boundary("boundary", BOUNDARY_S3)
                .resource("order-policy", grantTo(OTHER_BOB))
                .evaluate(OTHER_BOB, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + OTHER_BOB + " is not authorized to perform: orders:CancelOrder"
                + " on resource: " + ORDER + " because no permissions boundary allows the orders:CancelOrder action");
    }

    @Test
    void aDenyWithNotPrincipalAppliesToAnyPrincipalWithABoundaryWhateverItLists() {
        String orderPolicy = doc(
                json("{'Sid':'Grant','Effect':'Allow','Principal':{'AWS':'" + ALICE + "'},'Action':'orders:*','Resource':'*'}"),
                json("{'Sid':'OnlyAlice','Effect':'Deny','NotPrincipal':{'AWS':['" + ALICE + "','" + ROOT
                        + "']},'Action':'orders:*','Resource':'*'}"));
        String boundary = doc(json("{'Effect':'Allow','Action':'*','Resource':'*'}"));

        Decision withoutBoundary = given().identity("alice-policy", ALLOW_ORDERS).resource("order-policy", orderPolicy)
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();
        Decision withBoundary = given().identity("alice-policy", ALLOW_ORDERS).boundary("boundary", boundary)
                .resource("order-policy", orderPolicy)
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(withoutBoundary.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(withBoundary.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(withBoundary.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "order-policy", 1, "OnlyAlice", true));
        assertThat(withBoundary.reason()).endsWith("with an explicit deny in a resource-based policy");
    }
}
