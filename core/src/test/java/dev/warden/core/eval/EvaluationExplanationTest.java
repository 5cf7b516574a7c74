package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ALICE;
import static dev.warden.core.eval.Fixture.ORDER;
import static dev.warden.core.eval.Fixture.OTHER_BOB;
import static dev.warden.core.eval.Fixture.OTHER_ROOT;
import static dev.warden.core.eval.Fixture.ROOT;
import static dev.warden.core.eval.Fixture.SESSION;
import static dev.warden.core.eval.Fixture.doc;
import static dev.warden.core.eval.Fixture.given;
import static dev.warden.core.eval.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import dev.warden.spi.StatementRef;
import org.junit.jupiter.api.Test;

/**
 * What an {@link Evaluation} tells besides the decision: what each consulted kind of policy said (in a fixed
 * order, absent when not consulted), whether the request stayed within one account, and which statements granted.
 */
class EvaluationExplanationTest {

    private static final String ALLOW_ALL = doc(json("{'Effect':'Allow','Action':'*','Resource':'*'}"));
    private static final String ALLOW_S3 = doc(json("{'Effect':'Allow','Action':'s3:*','Resource':'*'}"));

    private static String grantTo(String principal) {
        return doc(json("{'Effect':'Allow','Principal':{'AWS':'" + principal + "'},'Action':'orders:GetOrder','Resource':'*'}"));
    }

    @Test
    void everyConsultedKindIsReportedInAFixedOrder() {
        Evaluation evaluation = given()
                .identity("role-policy", ALLOW_ALL)
                .boundary("boundary", ALLOW_ALL)
                .session("session", ALLOW_ALL)
                .scpLevel("scp", ALLOW_ALL)
                .rcpLevel("rcp", doc(json("{'Effect':'Deny','Principal':'*','Action':'s3:DeleteBucket','Resource':'*'}")))
                .resource("order-policy", grantTo(SESSION))
                .endpoint("endpoint", doc(json("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}")))
                .evaluate(SESSION, "orders:GetOrder", ORDER);

        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(evaluation.resultsByType()).containsExactly(
                entry(PolicyType.IDENTITY, "Allowed"),
                entry(PolicyType.RESOURCE, "Allowed"),
                entry(PolicyType.PERMISSIONS_BOUNDARY, "Allowed"),
                entry(PolicyType.SESSION, "Allowed"),
                entry(PolicyType.SERVICE_CONTROL, "Allowed"),
                entry(PolicyType.RESOURCE_CONTROL, "Allowed"),
                entry(PolicyType.VPC_ENDPOINT, "Allowed"));
        assertThat(evaluation).hasToString("Allowed: " + evaluation.decision().reason() + " " + evaluation.resultsByType());
    }

    @Test
    void aResourcePolicyNamingOnlyTheAccountIsReportedAsAllowedForAccount() {
        Evaluation evaluation = given().identity("alice-policy", ALLOW_ALL).resource("order-policy", grantTo(ROOT))
                .evaluate(ALICE, "orders:GetOrder", ORDER);

        assertThat(evaluation.resultsByType()).containsExactly(
                entry(PolicyType.IDENTITY, "Allowed"), entry(PolicyType.RESOURCE, "AllowedForAccount"));
        assertThat(evaluation.sameAccount()).isTrue();
    }

    @Test
    void aCrossAccountGrantToTheAccountIsAllowedForAccountToo() {
        Evaluation evaluation = given().identity("bob-policy", ALLOW_ALL).resource("order-policy", grantTo(OTHER_ROOT))
                .evaluate(OTHER_BOB, "orders:GetOrder", ORDER);

        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(evaluation.resultsByType()).containsEntry(PolicyType.RESOURCE, "AllowedForAccount");
        assertThat(evaluation.sameAccount()).isFalse();
    }

    @Test
    void kindsThatSaidNothingAreImplicitlyDenied() {
        Evaluation evaluation = given()
                .identity("alice-policy", ALLOW_ALL)
                .boundary("boundary", ALLOW_S3)
                .resource("order-policy", grantTo("arn:aws:iam::111122223333:user/bob"))
                .scpLevel("root", ALLOW_ALL)
                .scpLevel("ou", ALLOW_S3)
                .evaluate(ALICE, "orders:GetOrder", ORDER);

        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(evaluation.resultsByType()).containsExactly(
                entry(PolicyType.IDENTITY, "Allowed"),
                entry(PolicyType.RESOURCE, "ImplicitlyDenied"),
                entry(PolicyType.PERMISSIONS_BOUNDARY, "ImplicitlyDenied"),
                entry(PolicyType.SERVICE_CONTROL, "ImplicitlyDenied"));
    }

    @Test
    void anExplicitDenyStopsTheEvaluationSoLaterKindsAreAbsent() {
        Evaluation evaluation = given()
                .identity("alice-policy", ALLOW_ALL)
                .boundary("boundary", ALLOW_ALL)
                .scpLevel("root", ALLOW_ALL)
                .scpLevel("ou", ALLOW_S3)
                .scpLevel("account", doc(json("{'Effect':'Deny','Action':'orders:*','Resource':'*'}")))
                .evaluate(ALICE, "orders:GetOrder", ORDER);

        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(evaluation.resultsByType()).containsExactly(entry(PolicyType.SERVICE_CONTROL, "ExplicitlyDenied"));
    }

    @Test
    void anIdentityDenyIsReportedWithWhatWasConsultedBeforeIt() {
        Evaluation evaluation = given()
                .identity("alice-policy", doc(json("{'Effect':'Deny','Action':'*','Resource':'*'}")))
                .boundary("boundary", ALLOW_ALL)
                .resource("order-policy", grantTo(ALICE))
                .evaluate(ALICE, "orders:GetOrder", ORDER);

        assertThat(evaluation.resultsByType()).containsExactly(
                entry(PolicyType.IDENTITY, "ExplicitlyDenied"), entry(PolicyType.RESOURCE, "Allowed"));
    }

    @Test
    void anAllowCitesEveryGrantingStatementAndNoOther() {
        Decision decision = given()
                .identity("alice-policy", doc(
                        json("{'Sid':'All','Effect':'Allow','Action':'orders:*','Resource':'*'}"),
                        json("{'Sid':'S3','Effect':'Allow','Action':'s3:*','Resource':'*'}"),
                        json("{'Sid':'Order7','Effect':'Allow','Action':'orders:GetOrder','Resource':'" + ORDER + "'}"),
                        json("{'Sid':'Order8','Effect':'Allow','Action':'orders:GetOrder','Resource':'arn:aws:orders:us-east-1:111122223333:order/8'}")))
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.decidingStatements()).containsExactly(
                new StatementRef(PolicyType.IDENTITY, "alice-policy", 0, "All", false),
                new StatementRef(PolicyType.IDENTITY, "alice-policy", 2, "Order7", false));
        assertThat(decision.reason()).isEqualTo("Allowed by identity-based policy 'alice-policy' statement 'All', "
                + "identity-based policy 'alice-policy' statement 'Order7'");
    }

    @Test
    void anImplicitDenyCitesNoStatement() {
        Decision decision = given().identity("alice-policy", ALLOW_S3).evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.decidingStatements()).isEmpty();
        assertThat(decision.isAllowed()).isFalse();
    }

    @Test
    void decideGivesTheSameDecisionAsEvaluate() {
        Fixture.Policies policies = given().identity("alice-policy", ALLOW_ALL);

        Decision decided = Evaluator.decide(Fixture.request(ALICE, "orders:GetOrder", ORDER), policies.input());
        Decision evaluated = policies.evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decided).isEqualTo(evaluated);
    }
}
