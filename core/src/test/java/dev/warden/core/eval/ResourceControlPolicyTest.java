package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ALICE;
import static dev.warden.core.eval.Fixture.ORDER;
import static dev.warden.core.eval.Fixture.OTHER_BOB;
import static dev.warden.core.eval.Fixture.ROOT;
import static dev.warden.core.eval.Fixture.doc;
import static dev.warden.core.eval.Fixture.given;
import static dev.warden.core.eval.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resource control policies bound what may be done to an organization's resources, whoever asks. Every level
 * holds {@code RCPFullAWSAccess}, so only their denies matter: they never grant, and a level without policies
 * denies nothing (AWS Organizations: "Resource control policies (RCPs)").
 */
class ResourceControlPolicyTest {

    private static final String ALLOW_ORDERS = doc(json("{'Effect':'Allow','Action':'orders:*','Resource':'*'}"));
    private static final String OUTSIDERS_CANNOT_READ = doc(json("{'Sid':'OrgOnly','Effect':'Deny','Principal':'*',"
            + "'Action':'orders:Get*','Resource':'*','Condition':{'StringNotEqualsIfExists':{'aws:PrincipalAccount':'111122223333'}}}"));

    private static AuthorizationRequest withAccountKey(String caller) {
        Principal principal = Principal.of(caller);
        return AuthorizationRequest.builder(principal, "orders:GetOrder", ORDER)
                .context("aws:PrincipalAccount", principal.accountId()).build();
    }

    @Test
    void anRcpDenyStopsACallerFromOutsideEvenWithBothSidesAllowing() {
        Decision decision = given()
                .identity("bob-policy", ALLOW_ORDERS)
                .resource("order-policy", doc(json("{'Effect':'Allow','Principal':{'AWS':'" + OTHER_BOB + "'},'Action':'orders:*','Resource':'*'}")))
                .rcpLevel("rcp-root", OUTSIDERS_CANNOT_READ)
                .evaluate(withAccountKey(OTHER_BOB)).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE_CONTROL, "rcp-root", 0, "OrgOnly", true));
        assertThat(decision.reason()).isEqualTo("User: " + OTHER_BOB + " is not authorized to perform: orders:GetOrder on"
                + " resource: " + ORDER + " with an explicit deny in a resource control policy");
    }

    @Test
    void anRcpDenyThatDoesNotApplyLeavesTheDecisionToTheOtherPolicies() {
        Decision decision = given().identity("alice-policy", ALLOW_ORDERS).rcpLevel("rcp-root", OUTSIDERS_CANNOT_READ)
                .evaluate(withAccountKey(ALICE)).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void rcpsNeverGrant() {
        Decision decision = given().rcpLevel("rcp-root", OUTSIDERS_CANNOT_READ).evaluate(withAccountKey(ALICE)).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no identity-based policy allows the orders:GetOrder action");
    }

    @Test
    void aLevelWithoutPoliciesDeniesNothing() {
        EvaluationInput input = new EvaluationInput(given().identity("alice-policy", ALLOW_ORDERS).input().identity(),
                null, null, null, List.of(StatementIndex.of(), StatementIndex.of()), null, null);

        Evaluation evaluation = Evaluator.evaluate(withAccountKey(ALICE), input);

        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(evaluation.resultsByType()).containsEntry(PolicyType.RESOURCE_CONTROL, "Allowed");
    }

    @Test
    void aDenyAtAnyLevelApplies() {
        Decision decision = given()
                .identity("alice-policy", ALLOW_ORDERS)
                .rcpLevel("rcp-root", doc(json("{'Effect':'Deny','Principal':'*','Action':'orders:Delete*','Resource':'*'}")))
                .rcpLevel("rcp-account", doc(json("{'Sid':'NoCancel','Effect':'Deny','Principal':'*','Action':'orders:CancelOrder','Resource':'*'}")))
                .evaluate(ALICE, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE_CONTROL, "rcp-account", 0, "NoCancel", true));
    }

    @Test
    void rcpsApplyToTheRootUserToo() {
        Decision decision = given()
                .rcpLevel("rcp-root", doc(json("{'Effect':'Deny','Principal':'*','Action':'orders:CancelOrder','Resource':'*'}")))
                .evaluate(ROOT, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
    }
}
