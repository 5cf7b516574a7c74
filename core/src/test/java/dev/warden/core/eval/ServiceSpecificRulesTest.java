package dev.warden.core.eval;

import static dev.warden.core.eval.Fixture.ACCOUNT;
import static dev.warden.core.eval.Fixture.ALICE;
import static dev.warden.core.eval.Fixture.ROOT;
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
 * Rules particular services apply on top of the policies: AWS managed policies, roles under
 * {@code /aws-reserved/} and aliases under {@code alias/aws/} cannot be changed, and a KMS key's identity-based
 * permissions count only when the key policy trusts the account ("Policy evaluation logic"; AWS KMS: "Key
 * policies": "Unlike other AWS resource-based policies, ... a key policy must give the account permission").
 */
class ServiceSpecificRulesTest {

    private static final String ADMIN = doc(json("{'Sid':'Admin','Effect':'Allow','Action':'*','Resource':'*'}"));
    private static final String MANAGED = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static AuthorizationRequest onManagedPolicy(String action) {
        return AuthorizationRequest.builder(Principal.of(ALICE), action, MANAGED).resourceAccount(ACCOUNT).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:SetDefaultPolicyVersion", "IAM:tagpolicy"})
    void anAwsManagedPolicyCannotBeChangedWhateverThePoliciesSay(String action) {
        Decision decision = given().identity("admin", ADMIN).evaluate(onManagedPolicy(action)).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.decidingStatements()).isEmpty();
        assertThat(decision.reason()).isEqualTo("User: " + ALICE + " is not authorized to perform: " + action
                + " on resource: " + MANAGED + " because AWS managed policies cannot be changed");
    }

    @Test
    void anAwsManagedPolicyCanBeRead() {
        Decision decision = given().identity("admin", ADMIN).evaluate(onManagedPolicy("iam:GetPolicy")).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void anAwsManagedPolicyCanBeReadWithoutSayingWhoseAccountItIsIn() {
        // The "aws" in arn:aws:iam::aws:policy/... is no account: every account sees AWS managed policies as its own.
        Evaluation evaluation = given().identity("admin", ADMIN).evaluate(ALICE, "iam:GetPolicyVersion", MANAGED);
        Decision change = given().identity("admin", ADMIN).evaluate(ALICE, "iam:CreatePolicyVersion", MANAGED).decision();

        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(evaluation.decision().decidingStatements())
                .containsExactly(new StatementRef(PolicyType.IDENTITY, "admin", 0, "Admin", false));
        assertThat(change.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(change.reason()).endsWith("because AWS managed policies cannot be changed");
    }

    @Test
    void aCustomerManagedPolicyCanBeChanged() {
        Decision decision = given().identity("admin", ADMIN)
                .evaluate(ALICE, "iam:CreatePolicyVersion", "arn:aws:iam::111122223333:policy/ReadOnlyAccess").decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aRoleUnderAwsReservedCannotBeChanged() {
        String role = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123";

        Decision delete = given().identity("admin", ADMIN).evaluate(ALICE, "iam:DeleteRole", role).decision();
        Decision read = given().identity("admin", ADMIN).evaluate(ALICE, "iam:GetRole", role).decision();

        assertThat(delete.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(delete.reason()).endsWith("because roles under /aws-reserved/ are managed by the service");
        assertThat(read.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aKmsKeyWithoutAKeyPolicyTrustingTheAccountIgnoresIdentityPolicies() {
        Decision decision = given().identity("admin", ADMIN).evaluate(ALICE, "kms:Decrypt", KEY).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + ALICE + " is not authorized to perform: kms:Decrypt on"
                + " resource: " + KEY + " because no resource-based policy allows the kms:Decrypt action");
    }

    @Test
    void aKeyPolicyTrustingTheAccountLetsIdentityPoliciesCount() {
        String keyPolicy = doc(json("{'Sid':'EnableIamPolicies','Effect':'Allow','Principal':{'AWS':'" + ROOT
                + "'},'Action':'kms:*','Resource':'*'}"));

        Decision withIdentity = given().identity("admin", ADMIN).resource("key-policy", keyPolicy)
                .evaluate(ALICE, "kms:Decrypt", KEY).decision();
        Decision withoutIdentity = given().resource("key-policy", keyPolicy).evaluate(ALICE, "kms:Decrypt", KEY).decision();

        assertThat(withIdentity.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(withIdentity.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.IDENTITY, "admin", 0, "Admin", false));
        assertThat(withoutIdentity.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(withoutIdentity.reason()).endsWith("because no identity-based policy allows the kms:Decrypt action");
    }

    @Test
    void aKeyPolicyNamingTheUserGrantsWithoutIdentityPolicies() {
        Decision decision = given()
                .resource("key-policy", doc(json("{'Sid':'AliceDecrypts','Effect':'Allow','Principal':{'AWS':'" + ALICE
                        + "'},'Action':'kms:Decrypt','Resource':'*'}")))
                .evaluate(ALICE, "kms:Decrypt", KEY).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.decidingStatements())
                .containsExactly(new StatementRef(PolicyType.RESOURCE, "key-policy", 0, "AliceDecrypts", false));
    }

    @Test
    void kmsActionsThatAreNotOnAKeyNeedNoKeyPolicy() {
        Decision decision = given().identity("admin", ADMIN).evaluate(ALICE, "kms:ListKeys", "*").decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"})
    void anAliasUnderAliasAwsCannotBeChanged(String action) {
        String alias = "arn:aws:kms:us-east-1:111122223333:alias/aws/s3";

        Decision decision = given().identity("admin", ADMIN).evaluate(ALICE, action, alias).decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: " + ALICE + " is not authorized to perform: " + action
                + " on resource: " + alias + " because aliases under alias/aws/ are managed by the service");
    }

    @Test
    void aCustomerAliasCanBeChanged() {
        Decision decision = given().identity("admin", ADMIN)
                .evaluate(ALICE, "kms:CreateAlias", "arn:aws:kms:us-east-1:111122223333:alias/my-key").decision();

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }
}
