package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ALICE;
import static dev.warden.core.eval.Fixture.BOB;
import static dev.warden.core.eval.Fixture.OTHER_ACCOUNT;
import static dev.warden.core.eval.Fixture.OTHER_BOB;
import static dev.warden.core.eval.Fixture.ROOT;
import static dev.warden.core.eval.Fixture.SESSION;
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
 * {@code sts:AssumeRole} on a role: the trust policy must allow the caller explicitly. Naming the caller grants
 * on its own (same account); naming the account delegates to identity-based policies; an identity allow is not
 * enough when the trust policy does not trust the caller ("Policy evaluation logic": role trust policies;
 * "AWS JSON policy elements: Principal"). {@code sts:GetCallerIdentity} needs no permission.
 */
class TrustPolicyTest {

    private static final String TARGET = "arn:aws:iam::111122223333:role/Target";
    private static final String MAY_ASSUME = doc(json("{'Sid':'MayAssume','Effect':'Allow','Action':'sts:AssumeRole','Resource':'" + TARGET + "'}"));

    private static String trusting(String principal) {
        return doc(json("{'Sid':'Trust','Effect':'Allow','Principal':{'AWS':'" + principal + "'},'Action':'sts:AssumeRole'}"));
    }

    @Test
    void aTrustPolicyNamingTheCallerGrantsOnItsOwnWithinTheAccount() {
        Decision decision = given().trust("target-trust", trusting(ALICE)).evaluate(ALICE, "sts:AssumeRole", TARGET).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "target-trust", 0, "Trust", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"111122223333", ROOT})
    void aTrustPolicyNamingTheAccountNeedsAnIdentityAllow(String account) {
        Decision without = given().trust("target-trust", trusting(account)).evaluate(ALICE, "sts:AssumeRole", TARGET).decision();
        Decision with = given().identity("alice-policy", MAY_ASSUME).trust("target-trust", trusting(account))
                .evaluate(ALICE, "sts:AssumeRole", TARGET).decision();

        assertThat(without.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(without.reason()).isEqualTo("User: " + ALICE + " is not authorized to perform: sts:AssumeRole on"
                + " resource: " + TARGET + " because no identity-based policy allows the sts:AssumeRole action");
        assertThat(with.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(with.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.IDENTITY, "alice-policy", 0, "MayAssume", false));
    }

    @Test
    void anIdentityAllowIsNotEnoughWhenTheTrustPolicyDoesNotTrustTheCaller() {
        Decision decision = given().identity("alice-policy", MAY_ASSUME).trust("target-trust", trusting(BOB))
                .evaluate(ALICE, "sts:AssumeRole", TARGET).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + ALICE + " is not authorized to perform: sts:AssumeRole on"
                + " resource: " + TARGET + " because no resource-based policy allows the sts:AssumeRole action");
    }

    @Test
    void aTrustPolicyConditionMustHold() {
        String trust = doc(json("{'Effect':'Allow','Principal':{'AWS':'" + ALICE + "'},'Action':'sts:AssumeRole',"
                + "'Condition':{'StringEquals':{'sts:ExternalId':'x-123'}}}"));
        Fixture.Policies policies = given().trust("target-trust", trust);

        Decision right = policies.evaluate(AuthorizationRequest.builder(Principal.of(ALICE), "sts:AssumeRole", TARGET)
                .context("sts:ExternalId", "x-123").build()).decision();
        Decision wrong = policies.evaluate(AuthorizationRequest.builder(Principal.of(ALICE), "sts:AssumeRole", TARGET)
                .context("sts:ExternalId", "x-999").build()).decision();

        assertThat(right.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(wrong.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void acrossAccountsTheTrustOfTheAccountAndTheCallersIdentityAllowAreBothNeeded() {
        Fixture.Policies trustOnly = given().trust("target-trust", trusting(OTHER_ACCOUNT));
        Fixture.Policies both = given().identity("bob-policy", MAY_ASSUME).trust("target-trust", trusting(OTHER_ACCOUNT));

        assertThat(trustOnly.evaluate(OTHER_BOB, "sts:AssumeRole", TARGET).decision().reason())
                .endsWith("because no identity-based policy allows the sts:AssumeRole action");
        assertThat(both.evaluate(OTHER_BOB, "sts:AssumeRole", TARGET).decision().outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aDenyInTheTrustPolicyWins() {
        String trust = doc(json("{'Effect':'Allow','Principal':{'AWS':'" + ROOT + "'},'Action':'sts:AssumeRole'}"),
                json("{'Sid':'NotAlice','Effect':'Deny','Principal':{'AWS':'" + ALICE + "'},'Action':'sts:AssumeRole'}"));

        Decision decision = given().identity("alice-policy", MAY_ASSUME).trust("target-trust", trust)
                .evaluate(ALICE, "sts:AssumeRole", TARGET).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "target-trust", 1, "NotAlice", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, SESSION, ROOT, "arn:aws:sts::111122223333:federated-user/carol"})
    void getCallerIdentityIsAlwaysAllowedForSignedCallersEvenWithAnExplicitDeny(String caller) {
        String denyAll = doc(json("{'Effect':'Deny','Action':'*','Resource':'*'}"));

        Decision decision = given().identity("deny-all", denyAll).scpLevel("scp", denyAll)
                .evaluate(caller, "sts:GetCallerIdentity", "*").decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements()).isEmpty();
        assertThat(decision.reason()).isEqualTo("sts:GetCallerIdentity is allowed for every signed request");
    }

    @Test
    void getCallerIdentityIsMatchedWithoutRegardToCase() {
        Decision decision = given().evaluate(ALICE, "STS:getcalleridentity", "*").decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void getCallerIdentityIsNotGrantedToAnonymousCallers() {
        Decision decision = given().evaluate(AuthorizationRequest.builder(Principal.anonymous(), "sts:GetCallerIdentity", "*")
                .resourceAccount("111122223333").build()).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("Anonymous user is not authorized to perform: sts:GetCallerIdentity"
                + " because no resource-based policy allows the sts:GetCallerIdentity action");
    }
}
