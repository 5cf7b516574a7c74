package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.FEDERATED;
import static dev.warden.core.eval.Fixture.OTHER_SESSION;
import static dev.warden.core.eval.Fixture.ORDER;
import static dev.warden.core.eval.Fixture.ROLE;
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
 * A session policy limits a role or federated session to the intersection of its identity-based policies and the
 * session policy; within the account, a resource-based policy that names the session's own ARN grants beyond it,
 * one naming the role does not ("Policies and permissions in IAM: Session policies").
 */
class SessionPolicyTest {

    private static final String ROLE_ORDERS = doc(json("{'Sid':'Orders','Effect':'Allow','Action':'orders:*','Resource':'*'}"));
    private static final String SESSION_GETS = doc(json("{'Effect':'Allow','Action':'orders:Get*','Resource':'*'}"));
    private static final String SESSION_S3 = doc(json("{'Effect':'Allow','Action':'s3:*','Resource':'*'}"));

    private static String grantTo(String principal) {
        return doc(json("{'Sid':'Grant','Effect':'Allow','Principal':{'AWS':'" + principal
                + "'},'Action':'orders:CancelOrder','Resource':'" + ORDER + "'}"));
    }

    @Test
    void theEffectivePermissionsAreTheIntersection() {
        Fixture.Policies policies = given().identity("app-role-policy", ROLE_ORDERS).session("session-policy", SESSION_GETS);

        Decision get = policies.evaluate(SESSION, "orders:GetOrder", ORDER).decision();
        Decision cancel = policies.evaluate(SESSION, "orders:CancelOrder", ORDER).decision();

        assertThat(get.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(get.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.IDENTITY, "app-role-policy", 0, "Orders", false));
        assertThat(cancel.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(cancel.reason()).isEqualTo("User: " + SESSION + " is not authorized to perform: orders:CancelOrder"
                + " on resource: " + ORDER + " because no session policy allows the orders:CancelOrder action");
    }

    @Test
    void aSessionPolicyAloneGrantsNothing() {
        Decision decision = given().session("session-policy", SESSION_GETS).evaluate(SESSION, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no identity-based policy allows the orders:GetOrder action");
    }

    @Test
    void aDenyInTheSessionPolicyWins() {
        Decision decision = given()
                .identity("app-role-policy", ROLE_ORDERS)
                .session("session-policy", doc(json("{'Effect':'Allow','Action':'*','Resource':'*'}"),
                        json("{'Sid':'NoCancel','Effect':'Deny','Action':'orders:CancelOrder','Resource':'*'}")))
                .resource("order-policy", grantTo(SESSION))
                .evaluate(SESSION, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.SESSION, "session-policy", 1, "NoCancel", true));
        assertThat(decision.reason()).endsWith("with an explicit deny in a session policy");
    }

    @Test
    void aSameAccountResourcePolicyNamingTheSessionArnGrantsBeyondTheSessionPolicy() {
        Decision decision = given()
                .identity("app-role-policy", ROLE_ORDERS)
                .session("session-policy", SESSION_S3)
                .resource("order-policy", grantTo(SESSION))
                .evaluate(SESSION, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "order-policy", 0, "Grant", false));
    }

    @Test
    void aSameAccountResourcePolicyNamingTheRoleArnIsCappedByTheSessionPolicy() {
        Decision decision = given()
                .session("session-policy", SESSION_S3)
                .resource("order-policy", grantTo(ROLE))
                .evaluate(SESSION, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no session policy allows the orders:CancelOrder action");
    }

    @Test
    void aResourcePolicyNamingTheRoleArnWithinTheSessionPolicyGrantsWithoutIdentityPolicy() {
        Decision decision = given()
                .session("session-policy", doc(json("{'Effect':'Allow','Action':'orders:*','Resource':'*'}")))
                .resource("order-policy", grantTo(ROLE))
                .evaluate(SESSION, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aFederatedSessionNamedByItsOwnArnIsGrantedBeyondItsSessionPolicy() {
        Decision decision = given()
                .session("federation-policy", SESSION_S3)
                .resource("order-policy", grantTo(FEDERATED))
                .evaluate(FEDERATED, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void acrossAccountsTheSessionPolicyCapsEvenAGrantNamingTheSession() {
        Decision decision = given()
                .identity("partner-role-policy", ROLE_ORDERS)
                .session("session-policy", SESSION_S3)
                .resource("order-policy", grantTo(OTHER_SESSION))
                .evaluate(OTHER_SESSION, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no session policy allows the orders:CancelOrder action");
    }
}
