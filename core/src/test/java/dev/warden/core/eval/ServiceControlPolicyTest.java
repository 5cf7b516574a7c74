package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ALICE;
import static dev.warden.core.eval.Fixture.ORDER;
import static dev.warden.core.eval.Fixture.ROOT;
import static dev.warden.core.eval.Fixture.SESSION;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Service control policies bound what the principals of an organization's accounts may do: every level from the
 * root to the account must allow, an explicit deny at any level denies, and they grant nothing themselves
 * ("Policy evaluation logic"; AWS Organizations: "SCP evaluation"). They do not apply to service principals or
 * anonymous callers, but they do apply to the account's root user.
 */
class ServiceControlPolicyTest {

    private static final String ALLOW_ALL = doc(json("{'Effect':'Allow','Action':'*','Resource':'*'}"));
    private static final String ALLOW_ORDERS = doc(json("{'Effect':'Allow','Action':'orders:*','Resource':'*'}"));
    private static final String ALLOW_S3 = doc(json("{'Effect':'Allow','Action':'s3:*','Resource':'*'}"));
    private static final String DENY_ALL = doc(json("{'Sid':'DenyAll','Effect':'Deny','Action':'*','Resource':'*'}"));
    private static final String ALICE_ORDERS = doc(json("{'Effect':'Allow','Action':'orders:*','Resource':'*'}"));

    @Test
    void everyLevelAllowingLetsTheIdentityAllowThrough() {
        Decision decision = given()
                .identity("alice-policy", ALICE_ORDERS)
                .scpLevel("root", ALLOW_ALL)
                .scpLevel("ou", ALLOW_ORDERS)
                .scpLevel("account", doc(json("{'Effect':'Allow','Action':'orders:Get*','Resource':'*'}")))
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements()).extracting(r -> r.policyType()).containsExactly(PolicyType.IDENTITY);
    }

    @Test
    void oneLevelWithoutAnAllowDeniesImplicitly() {
        Decision decision = given()
                .identity("alice-policy", ALICE_ORDERS)
                .scpLevel("root", ALLOW_ALL)
                .scpLevel("ou", ALLOW_S3)
                .scpLevel("account", ALLOW_ALL)
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.decidingStatements()).isEmpty();
        assertThat(decision.reason()).isEqualTo("User: " + ALICE + " is not authorized to perform: orders:GetOrder on"
                + " resource: " + ORDER + " because no service control policy allows the orders:GetOrder action");
    }

    @Test
    void aLevelWithNoPoliciesAllowsNothing() {
        Fixture.Policies policies = given().identity("alice-policy", ALICE_ORDERS).scpLevel("root", ALLOW_ALL);
        EvaluationInput base = policies.input();
        EvaluationInput withEmptyLevel = new EvaluationInput(base.identity(), null, null,
                List.of(base.serviceControlLevels().get(0), StatementIndex.of()), null, null, null);

        Decision decision = Evaluator.decide(Fixture.request(ALICE, "orders:GetOrder", ORDER), withEmptyLevel);

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no service control policy allows the orders:GetOrder action");
    }

    @Test
    void withoutAnOrganizationThereIsNoLimit() {
        EvaluationInput input = given().identity("alice-policy", ALICE_ORDERS).input();

        assertThat(input.serviceControlLevels()).isNull();
        assertThat(Evaluator.decide(Fixture.request(ALICE, "orders:GetOrder", ORDER), input).outcome())
                .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void anScpAllowGrantsNothingOnItsOwn() {
        Decision decision = given().scpLevel("root", ALLOW_ALL).evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no identity-based policy allows the orders:GetOrder action");
    }

    @Test
    void scpsCapASameAccountResourcePolicyGrantToTheUser() {
        Decision decision = given()
                .resource("order-policy", doc(json("{'Effect':'Allow','Principal':{'AWS':'" + ALICE
                        + "'},'Action':'orders:GetOrder','Resource':'*'}")))
                .scpLevel("root", ALLOW_ALL)
                .scpLevel("ou", ALLOW_S3)
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no service control policy allows the orders:GetOrder action");
    }

    @Test
    void scpsApplyToRoleSessions() {
        Decision decision = given()
                .identity("app-role-policy", ALICE_ORDERS)
                .scpLevel("root", DENY_ALL)
                .evaluate(SESSION, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
    }

    @Test
    void scpsDoNotApplyToServicePrincipals() {
        Decision decision = given()
                .resource("order-policy", doc(json("{'Effect':'Allow','Principal':{'Service':'lambda.amazonaws.com'},"
                        + "'Action':'orders:GetOrder','Resource':'*'}")))
                .scpLevel("root", DENY_ALL)
                .scpLevel("ou", doc(json("{'Effect':'Allow','Action':'s3:*','Resource':'*'}")))
                .evaluate("lambda.amazonaws.com", "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void scpsDoNotApplyToAnonymousCallers() {
        Evaluation evaluation = given()
                .resource("bucket-policy", doc(json("{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'*'}")))
                .scpLevel("root", DENY_ALL)
                .evaluate(AuthorizationRequest.builder(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::public/a.txt")
                        .resourceAccount("111122223333").build());

        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(evaluation.resultsByType()).doesNotContainKey(PolicyType.SERVICE_CONTROL);
    }

    @Test
    void anScpDenyAppliesToTheRootUser() {
        Decision decision = given().scpLevel("root", ALLOW_ALL, DENY_ALL).evaluate(ROOT, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + ROOT + " is not authorized to perform: orders:GetOrder on"
                + " resource: " + ORDER + " with an explicit deny in a service control policy");
    }

    @Test
    void theRootUserIsLimitedToWhatEveryLevelAllows() {
        Fixture.Policies policies = given().scpLevel("root", ALLOW_ALL).scpLevel("ou", ALLOW_S3);

        Decision orders = policies.evaluate(ROOT, "orders:GetOrder", ORDER).decision();
        Decision s3 = policies.evaluate(ROOT, "s3:GetObject", "arn:aws:s3:::reports/q1.csv").decision();

        assertThat(orders.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(orders.reason()).endsWith("because no service control policy allows the orders:GetOrder action");
        assertThat(s3.outcome()).isEqualTo(Outcome.ALLOWED);
    }
}
