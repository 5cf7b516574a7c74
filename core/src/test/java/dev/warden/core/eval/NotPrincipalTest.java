package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ACCOUNT;
import static dev.warden.core.eval.Fixture.ALICE;
import static dev.warden.core.eval.Fixture.BOB;
import static dev.warden.core.eval.Fixture.ORDER;
import static dev.warden.core.eval.Fixture.OTHER_BOB;
import static dev.warden.core.eval.Fixture.OTHER_ROOT;
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
 * {@code "Effect": "Deny"} with {@code NotPrincipal} denies everyone it does not list. AWS evaluates a request
 * against the account as well as the caller, so a caller is left out only when the element lists both the caller
 * (or the role behind its session) and the caller's account ("AWS JSON policy elements: NotPrincipal").
 */
class NotPrincipalTest {

    private static final String ALLOW_ORDERS = doc(json("{'Effect':'Allow','Action':'orders:*','Resource':'*'}"));

    private static String onlyFor(String... principals) {
        return doc(json("{'Sid':'OnlyListed','Effect':'Deny','NotPrincipal':{'AWS':['" + String.join("','", principals)
                + "']},'Action':'orders:*','Resource':'" + ORDER + "'}"));
    }

    private static Decision decide(String caller, String orderPolicy) {
        return given().identity("identity", ALLOW_ORDERS).resource("order-policy", orderPolicy)
                .evaluate(caller, "orders:GetOrder", ORDER).decision();
    }

    @Test
    void aCallerListedTogetherWithItsAccountIsLeftOut() {
        assertThat(decide(ALICE, onlyFor(ALICE, ROOT)).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(ALICE, onlyFor(ALICE, ACCOUNT)).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aCallerListedWithoutItsAccountIsStillDenied() {
        Decision decision = decide(ALICE, onlyFor(ALICE));

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "order-policy", 0, "OnlyListed", true));
        assertThat(decision.reason()).endsWith("with an explicit deny in a resource-based policy");
    }

    @Test
    void theAccountAloneDoesNotLeaveItsUsersOut() {
        assertThat(decide(ALICE, onlyFor(ROOT)).outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
    }

    @Test
    void anotherUserOfTheListedAccountIsDenied() {
        assertThat(decide(BOB, onlyFor(ALICE, ROOT)).outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
    }

    @Test
    void theRoleAndItsAccountLeaveTheRolesSessionsOut() {
        assertThat(decide(SESSION, onlyFor(ROLE, ROOT)).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(SESSION, onlyFor(ROLE)).outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
    }

    @Test
    void theRootUserIsLeftOutWhenItsAccountIsListed() {
        Decision decision = given().resource("order-policy", onlyFor(ROOT)).evaluate(ROOT, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aCrossAccountCallerListedWithItsAccountIsLeftOutAndAThirdAccountIsDenied() {
        String orderPolicy = doc(
                json("{'Effect':'Allow','Principal':{'AWS':'" + OTHER_BOB + "'},'Action':'orders:*','Resource':'*'}"),
                json("{'Effect':'Deny','NotPrincipal':{'AWS':['" + OTHER_BOB + "','" + OTHER_ROOT
                        + "']},'Action':'orders:*','Resource':'*'}"));

        assertThat(decide(OTHER_BOB, orderPolicy).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decide("arn:aws:iam::777788889999:user/mallory", orderPolicy).outcome())
                .isEqualTo(Outcome.EXPLICITLY_DENIED);
    }

    @Test
    void anonymousCallersAreNeverLeftOutByAnAwsList() {
        Decision decision = given()
                .resource("order-policy", doc(json("{'Effect':'Allow','Principal':'*','Action':'orders:*','Resource':'*'}"),
                        json("{'Effect':'Deny','NotPrincipal':{'AWS':['" + ALICE + "','" + ROOT + "']},'Action':'orders:*','Resource':'*'}")))
                .evaluate(dev.warden.spi.AuthorizationRequest.builder(dev.warden.spi.Principal.anonymous(), "orders:GetOrder", ORDER)
                        .build()).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
    }
}
