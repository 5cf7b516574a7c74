package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ORDER;
import static dev.warden.core.eval.Fixture.OTHER_ROOT;
import static dev.warden.core.eval.Fixture.ROOT;
import static dev.warden.core.eval.Fixture.doc;
import static dev.warden.core.eval.Fixture.given;
import static dev.warden.core.eval.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import org.junit.jupiter.api.Test;

/**
 * The root user of an account has every permission on the account's resources without identity-based policies;
 * SCPs, explicit denies in resource-based policies, KMS key policies and cross-account rules still apply to it.
 */
class RootUserTest {

    private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void theRootUserIsAllowedOnItsOwnAccountsResourcesWithoutAnyPolicy() {
        Evaluation evaluation = given().evaluate(ROOT, "orders:CancelOrder", ORDER);

        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(evaluation.decision().decidingStatements()).isEmpty();
        assertThat(evaluation.decision().reason())
                .isEqualTo("Allowed: the root user holds every permission of its account that nothing denies");
        assertThat(evaluation.resultsByType()).isEmpty();
    }

    @Test
    void aResourcePolicyDenyAppliesToTheRootUser() {
        Decision decision = given()
                .resource("order-policy", doc(json("{'Effect':'Deny','Principal':{'AWS':'" + ROOT
                        + "'},'Action':'orders:CancelOrder','Resource':'*'}")))
                .evaluate(ROOT, "orders:CancelOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + ROOT + " is not authorized to perform: orders:CancelOrder on"
                + " resource: " + ORDER + " with an explicit deny in a resource-based policy");
    }

    @Test
    void theRootUserOfAnotherAccountNeedsTheResourcePolicy() {
        Decision without = given().evaluate(OTHER_ROOT, "orders:GetOrder", ORDER).decision();
        Decision with = given()
                .resource("order-policy", doc(json("{'Sid':'Partner','Effect':'Allow','Principal':{'AWS':'444455556666'},"
                        + "'Action':'orders:GetOrder','Resource':'*'}")))
                .evaluate(OTHER_ROOT, "orders:GetOrder", ORDER).decision();

        assertThat(without.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(without.reason()).endsWith("because no resource-based policy allows the orders:GetOrder action");
        assertThat(with.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(with.decidingStatements()).extracting(r -> r.policyType()).containsExactly(PolicyType.RESOURCE);
    }

    @Test
    void theRootUserNeedsAKeyPolicyTrustingItsAccountForKms() {
        Decision withoutKeyPolicy = given().evaluate(ROOT, "kms:Decrypt", KEY).decision();
        Decision withKeyPolicy = given()
                .resource("key-policy", doc(json("{'Effect':'Allow','Principal':{'AWS':'" + ROOT + "'},'Action':'kms:*','Resource':'*'}")))
                .evaluate(ROOT, "kms:Decrypt", KEY).decision();

        assertThat(withoutKeyPolicy.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(withoutKeyPolicy.reason()).endsWith("because no resource-based policy allows the kms:Decrypt action");
        assertThat(withKeyPolicy.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aPermissionsBoundaryDoesNotApplyToTheRootUser() {
        Evaluation evaluation = given()
                .boundary("boundary", doc(json("{'Effect':'Allow','Action':'s3:*','Resource':'*'}")))
                .evaluate(ROOT, "orders:GetOrder", ORDER);

        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(evaluation.resultsByType()).doesNotContainKey(PolicyType.PERMISSIONS_BOUNDARY);
    }

    @Test
    void theRootUserCannotAssumeARoleEvenWhenTheTrustPolicyTrustsItsAccount() {
        String role = "arn:aws:iam::111122223333:role/AppRole";
        Decision decision = given()
                .trust("trust", doc(json("{'Effect':'Allow','Principal':{'AWS':'111122223333'},"
                        + "'Action':'sts:AssumeRole'}")))
                .evaluate(ROOT, "sts:AssumeRole", role).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + ROOT + " is not authorized to perform: sts:AssumeRole on"
                + " resource: " + role + " because roles may not be assumed by root accounts");
    }
}
