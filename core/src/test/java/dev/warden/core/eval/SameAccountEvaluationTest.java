package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ACCOUNT;
import static dev.warden.core.eval.Fixture.ALICE;
import static dev.warden.core.eval.Fixture.BOB;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Within one account an identity-based allow or a resource-based policy naming the caller is enough; a
 * resource-based policy naming only the account delegates to identity-based policies ("Policy evaluation logic:
 * Determining whether a request is allowed or denied within an account").
 */
class SameAccountEvaluationTest {

    private static final String ALLOW_GET = json("{'Sid':'ReadOrders','Effect':'Allow','Action':'orders:Get*','Resource':'*'}");

    private static String grantTo(String principal) {
        return doc(json("{'Sid':'Grant','Effect':'Allow','Principal':{'AWS':'" + principal
                + "'},'Action':'orders:GetOrder','Resource':'" + ORDER + "'}"));
    }

    @Test
    void anIdentityAllowAloneIsEnough() {
        Evaluation evaluation = given().identity("alice-policy", doc(ALLOW_GET)).evaluate(ALICE, "orders:GetOrder", ORDER);

        Decision decision = evaluation.decision();
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.IDENTITY, "alice-policy", 0, "ReadOrders", false));
        assertThat(decision.reason()).isEqualTo("Allowed by identity-based policy 'alice-policy' statement 'ReadOrders'");
        assertThat(evaluation.sameAccount()).isTrue();
    }

    @Test
    void withoutAnyAllowTheRequestIsImplicitlyDeniedForWantOfAnIdentityAllow() {
        Decision decision = given().identity("alice-policy", doc(ALLOW_GET)).evaluate(ALICE, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.decidingStatements()).isEmpty();
        assertThat(decision.reason()).isEqualTo("User: " + ALICE + " is not authorized to perform: orders:CancelOrder"
                + " on resource: " + ORDER + " because no identity-based policy allows the orders:CancelOrder action");
    }

    @Test
    void aRequestWithNoPoliciesAtAllIsImplicitlyDenied() {
        Decision decision = given().evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no identity-based policy allows the orders:GetOrder action");
    }

    @Test
    void aResourcePolicyNamingTheUserGrantsWithoutAnyIdentityPolicy() {
        Decision decision = given().resource("order-policy", grantTo(ALICE)).evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "order-policy", 0, "Grant", false));
    }

    @Test
    void aResourcePolicyNamingTheRoleGrantsToItsSessions() {
        Decision decision = given().resource("order-policy", grantTo(ROLE)).evaluate(SESSION, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements()).extracting(StatementRef::policyName).containsExactly("order-policy");
    }

    @Test
    void aResourcePolicyNamingTheSessionArnGrantsToThatSession() {
        Decision decision = given().resource("order-policy", grantTo(SESSION)).evaluate(SESSION, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aResourcePolicyNamingAnotherRoleGrantsNothingToThisRolesSessions() {
        Decision decision = given().resource("order-policy", grantTo("arn:aws:iam::111122223333:role/OtherRole"))
                .evaluate(SESSION, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void aResourcePolicyNamingAnotherUserGrantsNothing() {
        Decision decision = given().resource("order-policy", grantTo(BOB)).evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no identity-based policy allows the orders:GetOrder action");
    }

    @ParameterizedTest
    @ValueSource(strings = {ACCOUNT, ROOT})
    void aResourcePolicyNamingOnlyTheAccountDoesNotGrantOnItsOwn(String account) {
        Decision decision = given().resource("order-policy", grantTo(account)).evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + ALICE + " is not authorized to perform: orders:GetOrder"
                + " on resource: " + ORDER + " because no identity-based policy allows the orders:GetOrder action");
    }

    @ParameterizedTest
    @ValueSource(strings = {ACCOUNT, ROOT})
    void aResourcePolicyNamingTheAccountDelegatesToTheIdentityAllow(String account) {
        Decision decision = given()
                .identity("alice-policy", doc(ALLOW_GET))
                .resource("order-policy", grantTo(account))
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.IDENTITY, "alice-policy", 0, "ReadOrders", false));
    }

    @Test
    void aResourcePolicyThatDoesNotNameTheCallerDoesNotStopAnIdentityAllow() {
        Decision decision = given()
                .identity("alice-policy", doc(ALLOW_GET))
                .resource("order-policy", grantTo(BOB))
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void bothAnIdentityAllowAndAResourceGrantAreCitedWhenBothApply() {
        Decision decision = given()
                .identity("alice-policy", doc(ALLOW_GET))
                .resource("order-policy", grantTo(ALICE))
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.decidingStatements()).containsExactly(
                new StatementRef(PolicyType.IDENTITY, "alice-policy", 0, "ReadOrders", false),
                new StatementRef(PolicyType.RESOURCE, "order-policy", 0, "Grant", false));
    }

    @Test
    void anS3ResourceWithoutAccountBelongsToTheCallersAccountUnlessTold() {
        String object = "arn:aws:s3:::reports/q1.csv";
        Fixture.Policies policies = given().identity("alice-policy",
                doc(json("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::reports/*'}")));

        Evaluation sameAccount = policies.evaluate(ALICE, "s3:GetObject", object);

        assertThat(sameAccount.sameAccount()).isTrue();
        assertThat(sameAccount.decision().outcome()).isEqualTo(Outcome.ALLOWED);
    }
}
