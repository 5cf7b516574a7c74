package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ALICE;
import static dev.warden.core.eval.Fixture.ORDER;
import static dev.warden.core.eval.Fixture.doc;
import static dev.warden.core.eval.Fixture.given;
import static dev.warden.core.eval.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.StatementRef;
import org.junit.jupiter.api.Test;

/**
 * {@link Evaluator#decide} needs every applicable deny but only one applicable allow, so it cites the first allowing
 * statement of a kind of policy; {@link Evaluator#evaluate} looks at every statement and cites them all. Both always
 * reach the same outcome.
 */
class DecisionCitationTest {

    private final Fixture.Policies policies = given()
            .identity("first", doc(json("{'Sid':'ReadOrders','Effect':'Allow','Action':'orders:Get*','Resource':'*'}")))
            .identity("second", doc(
                    json("{'Sid':'AllOrders','Effect':'Allow','Action':'orders:*','Resource':'*'}"),
                    json("{'Sid':'NotThisOne','Effect':'Deny','Action':'orders:GetOrder','Resource':'*',"
                            + "'Condition':{'Bool':{'aws:MultiFactorAuthPresent':'false'}}}")));

    @Test
    void decideCitesTheFirstApplicableAllow() {
        Decision decision = Evaluator.decide(Fixture.request(ALICE, "orders:GetOrder", ORDER), policies.input());

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements()).extracting(StatementRef::sid).containsExactly("ReadOrders");
    }

    @Test
    void evaluateCitesEveryApplicableAllow() {
        Decision decision = policies.evaluate(ALICE, "orders:GetOrder", ORDER).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements()).extracting(StatementRef::sid).containsExactly("ReadOrders", "AllOrders");
    }

    @Test
    void denyListedAfterTheAllowsStillDecides() {
        AuthorizationRequest withoutMfa = AuthorizationRequest.builder(Fixture.principal(ALICE), "orders:GetOrder", ORDER)
                .context("aws:MultiFactorAuthPresent", "false").build();
        Decision decided = Evaluator.decide(withoutMfa, policies.input());
        Decision explained = policies.evaluate(withoutMfa).decision();

        assertThat(decided.outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(decided.decidingStatements()).extracting(StatementRef::sid).containsExactly("NotThisOne");
        assertThat(explained).isEqualTo(decided);
    }
}
