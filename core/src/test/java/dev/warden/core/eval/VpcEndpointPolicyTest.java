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

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import org.junit.jupiter.api.Test;

/**
 * A VPC endpoint policy "is a resource-based policy that you attach to a VPC endpoint to control which AWS
 * principals can use the endpoint" (Amazon VPC: "Control access to VPC endpoints using endpoint policies"): it
 * grants nothing, a request through the endpoint needs one of its statements to allow it <em>for the caller</em>
 * named in its {@code Principal}, and its denies apply to the principals they name. For an interface endpoint,
 * naming the account covers every user and role of the account.
 */
class VpcEndpointPolicyTest {

    private static final String ALICE_ORDERS = doc(json("{'Sid':'Orders','Effect':'Allow','Action':'orders:*','Resource':'*'}"));

    private static String endpointFor(String principal) {
        return doc(json("{'Sid':'Only','Effect':'Allow','Principal':" + principal + ",'Action':'orders:*','Resource':'*'}"));
    }

    private static Decision through(String endpointPolicy, String caller) {
        return given().identity("identity", ALICE_ORDERS).endpoint("endpoint", endpointPolicy)
                .evaluate(caller, "orders:GetOrder", ORDER).decision();
    }

    @Test
    void anEndpointPolicyForEveryoneLetsAllowedRequestsThrough() {
        Decision decision = through(endpointFor("'*'"), ALICE);

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.IDENTITY, "identity", 0, "Orders", false));
    }

    @Test
    void anEndpointPolicyGrantsNothingOnItsOwn() {
        Decision decision = given().endpoint("endpoint", endpointFor("'*'")).evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).endsWith("because no identity-based policy allows the orders:GetOrder action");
    }

    @Test
    void anEndpointPolicyNotCoveringTheActionDeniesImplicitly() {
        String s3Only = doc(json("{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'*'}"));

        Decision decision = through(s3Only, ALICE);

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + ALICE + " is not authorized to perform: orders:GetOrder on"
                + " resource: " + ORDER + " because no VPC endpoint policy allows the orders:GetOrder action");
    }

    @Test
    void anEndpointPolicyAllowingOnlyAnotherPrincipalDoesNotLetTheCallerThrough() {
        Decision bobOnly = through(endpointFor("{'AWS':'" + BOB + "'}"), ALICE);
        Decision aliceOnly = through(endpointFor("{'AWS':'" + ALICE + "'}"), ALICE);

        assertThat(bobOnly.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(bobOnly.reason()).endsWith("because no VPC endpoint policy allows the orders:GetOrder action");
        assertThat(aliceOnly.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void namingTheAccountOrTheRoleCoversItsUsersAndSessions() {
        assertThat(through(endpointFor("{'AWS':'" + ROOT + "'}"), ALICE).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(through(endpointFor("{'AWS':'" + ACCOUNT + "'}"), SESSION).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(through(endpointFor("{'AWS':'" + ROLE + "'}"), SESSION).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(through(endpointFor("{'AWS':'444455556666'}"), ALICE).outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void aDenyNamingAnotherPrincipalDoesNotApplyToTheCaller() {
        String policy = doc(json("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}"),
                json("{'Sid':'NotBob','Effect':'Deny','Principal':{'AWS':'" + BOB + "'},'Action':'orders:*','Resource':'*'}"));

        Decision alice = through(policy, ALICE);
        Decision bob = through(policy, BOB);

        assertThat(alice.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(bob.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(bob.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.VPC_ENDPOINT, "endpoint", 1, "NotBob", true));
        assertThat(bob.reason()).endsWith("with an explicit deny in a VPC endpoint policy");
    }

    @Test
    void anAnonymousRequestPassesOnlyAnEndpointPolicyForEveryone() {
        String publicBucket = doc(json("{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'*'}"));
        AuthorizationRequest anonymous = AuthorizationRequest.builder(Principal.anonymous(), "s3:GetObject",
                "arn:aws:s3:::public/a.txt").resourceAccount(ACCOUNT).build();

        Decision open = given().resource("bucket-policy", publicBucket)
                .endpoint("endpoint", doc(json("{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'*'}")))
                .evaluate(anonymous).decision();
        Decision accountOnly = given().resource("bucket-policy", publicBucket)
                .endpoint("endpoint", doc(json("{'Effect':'Allow','Principal':{'AWS':'" + ROOT + "'},'Action':'s3:*','Resource':'*'}")))
                .evaluate(anonymous).decision();

        assertThat(open.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(accountOnly.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(accountOnly.reason()).endsWith("because no VPC endpoint policy allows the s3:GetObject action");
    }
}
