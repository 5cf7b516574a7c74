package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ALICE;
import static dev.warden.core.eval.Fixture.ORDER;
import static dev.warden.core.eval.Fixture.SESSION;
import static dev.warden.core.eval.Fixture.doc;
import static dev.warden.core.eval.Fixture.given;
import static dev.warden.core.eval.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import dev.warden.spi.StatementRef;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An explicit deny in any applicable policy wins over every allow elsewhere ("Policy evaluation logic"), and the
 * decision cites the denying statement and gives AWS's message naming the kind of policy.
 */
class ExplicitDenyTest {

    private static final String DENY_GET = json("{'Sid':'DenyGetOrder','Effect':'Deny','Action':'orders:GetOrder','Resource':'*'}");
    private static final String DENY_GET_ANYONE = json(
            "{'Sid':'DenyGetOrder','Effect':'Deny','Principal':'*','Action':'orders:GetOrder','Resource':'*'}");
    private static final String ALLOW_ORDERS = json("{'Sid':'AllowOrders','Effect':'Allow','Action':'orders:*','Resource':'*'}");
    private static final String ALLOW_ALL = json("{'Sid':'AllowAll','Effect':'Allow','Action':'*','Resource':'*'}");

    static Stream<Arguments> everyPolicyType() {
        return Stream.of(
                Arguments.of(PolicyType.SERVICE_CONTROL, "scp-account", "a service control policy"),
                Arguments.of(PolicyType.RESOURCE_CONTROL, "rcp-root", "a resource control policy"),
                Arguments.of(PolicyType.RESOURCE, "order-policy", "a resource-based policy"),
                Arguments.of(PolicyType.IDENTITY, "app-role-policy", "an identity-based policy"),
                Arguments.of(PolicyType.PERMISSIONS_BOUNDARY, "boundary", "a permissions boundary"),
                Arguments.of(PolicyType.SESSION, "session-policy", "a session policy"),
                Arguments.of(PolicyType.VPC_ENDPOINT, "endpoint-policy", "a VPC endpoint policy"));
    }

    /** Every kind of policy allows orders:GetOrder for the role session; only {@code denying} also denies it. */
    private static Fixture.Policies everythingAllowsBut(PolicyType denying) {
        boolean d;
        Fixture.Policies p = given();
        d = denying == PolicyType.IDENTITY;
        p.identity("app-role-policy", d ? doc(ALLOW_ORDERS, DENY_GET) : doc(ALLOW_ORDERS));
        d = denying == PolicyType.PERMISSIONS_BOUNDARY;
        p.boundary("boundary", d ? doc(ALLOW_ORDERS, DENY_GET) : doc(ALLOW_ORDERS));
        d = denying == PolicyType.SESSION;
        p.session("session-policy", d ? doc(ALLOW_ORDERS, DENY_GET) : doc(ALLOW_ORDERS));
        p.scpLevel("scp-root", doc(ALLOW_ALL));
        d = denying == PolicyType.SERVICE_CONTROL;
        p.scpLevel("scp-account", d ? doc(ALLOW_ALL, DENY_GET) : doc(ALLOW_ALL));
        String rcpBase = json("{'Sid':'DenyDelete','Effect':'Deny','Principal':'*','Action':'orders:DeleteOrder','Resource':'*'}");
        d = denying == PolicyType.RESOURCE_CONTROL;
        p.rcpLevel("rcp-root", d ? doc(rcpBase, DENY_GET_ANYONE) : doc(rcpBase));
        String grant = json("{'Sid':'GrantSession','Effect':'Allow','Principal':{'AWS':'" + SESSION
                + "'},'Action':'orders:GetOrder','Resource':'" + ORDER + "'}");
        d = denying == PolicyType.RESOURCE;
        p.resource("order-policy", d ? doc(grant, DENY_GET_ANYONE) : doc(grant));
        String endpointAllow = json("{'Sid':'AllowAll','Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}");
        d = denying == PolicyType.VPC_ENDPOINT;
        p.endpoint("endpoint-policy", d ? doc(endpointAllow, DENY_GET_ANYONE) : doc(endpointAllow));
        return p;
    }

    @Test
    void withoutAnyDenyTheRequestIsAllowed() {
        Decision decision = everythingAllowsBut(null).evaluate(SESSION, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPolicyType")
    void aDenyInAnyPolicyTypeWinsAndIsCited(PolicyType type, String policyName, String phrase) {
        Decision decision = everythingAllowsBut(type).evaluate(SESSION, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(type, policyName, 1, "DenyGetOrder", true));
        assertThat(decision.reason()).isEqualTo("User: " + SESSION + " is not authorized to perform: orders:GetOrder"
                + " on resource: " + ORDER + " with an explicit deny in " + phrase);
    }

    @Test
    void aDenyAtALowerOrganizationLevelIsCitedWithThatLevelsPolicy() {
        Decision decision = given()
                .identity("alice-policy", doc(ALLOW_ORDERS))
                .scpLevel("scp-root", doc(ALLOW_ALL))
                .scpLevel("scp-ou", doc(ALLOW_ALL), doc(DENY_GET))
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.SERVICE_CONTROL, "scp-ou-2", 0, "DenyGetOrder", true));
    }

    @Test
    void theMessageLeavesOutTheResourceWhenTheRequestHasNone() {
        Decision decision = given()
                .identity("alice-policy", doc(ALLOW_ORDERS, json("{'Effect':'Deny','Action':'orders:List*','Resource':'*'}")))
                .evaluate(ALICE, "orders:ListOrders", "*").decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + ALICE
                + " is not authorized to perform: orders:ListOrders with an explicit deny in an identity-based policy");
    }

    @Test
    void everyApplicableDenyOfTheDecidingKindIsCitedInPolicyOrder() {
        Decision decision = given()
                .identity("first", doc(ALLOW_ORDERS, json("{'Effect':'Deny','Action':'orders:Get*','Resource':'*'}")))
                .identity("second", doc(json("{'Sid':'NoOrder7','Effect':'Deny','Action':'orders:*','Resource':'" + ORDER + "'}"),
                        json("{'Sid':'NoDelete','Effect':'Deny','Action':'orders:DeleteOrder','Resource':'*'}")))
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.decidingStatements()).containsExactly(
                new StatementRef(PolicyType.IDENTITY, "first", 1, null, true),
                new StatementRef(PolicyType.IDENTITY, "second", 0, "NoOrder7", true));
        assertThat(decision.decidingStatements().get(0)).hasToString("identity-based policy 'first' statement #1");
    }

    @Test
    void anIdentityDenyOverridesASameAccountResourcePolicyGrantToTheUser() {
        Decision decision = given()
                .identity("alice-policy", doc(DENY_GET))
                .resource("order-policy", doc(json("{'Effect':'Allow','Principal':{'AWS':'" + ALICE
                        + "'},'Action':'orders:GetOrder','Resource':'" + ORDER + "'}")))
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decision.decidingStatements()).extracting(StatementRef::policyType).containsExactly(PolicyType.IDENTITY);
    }

    @Test
    void aDenyWhoseConditionDoesNotHoldDoesNotApply() {
        Fixture.Policies policies = given().identity("alice-policy", doc(ALLOW_ORDERS, json(
                "{'Effect':'Deny','Action':'orders:*','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'false'}}}")));

        Decision withMfa = policies.evaluate(dev.warden.spi.AuthorizationRequest.builder(Fixture.principal(ALICE),
                "orders:GetOrder", ORDER).context("aws:MultiFactorAuthPresent", "true").build()).decision();
        Decision withoutMfa = policies.evaluate(dev.warden.spi.AuthorizationRequest.builder(Fixture.principal(ALICE),
                "orders:GetOrder", ORDER).context("aws:MultiFactorAuthPresent", "false").build()).decision();

        assertThat(withMfa.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(withoutMfa.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
    }

    @Test
    void aDenyOnAnotherResourceOrActionDoesNotApply() {
        Decision decision = given()
                .identity("alice-policy", doc(ALLOW_ORDERS,
                        json("{'Effect':'Deny','Action':'orders:GetOrder','Resource':'arn:aws:orders:us-east-1:111122223333:order/8'}"),
                        json("{'Effect':'Deny','Action':'orders:GetOrders','Resource':'*'}")))
                .evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }
}
