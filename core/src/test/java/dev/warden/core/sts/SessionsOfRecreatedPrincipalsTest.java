package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static dev.warden.core.sts.StsFixture.allow;
import static dev.warden.core.sts.StsFixture.trust;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Temporary credentials belong to the unique id of the user or role they were issued for (AWS: "the permissions for
 * the temporary security credentials are bound to either the role that was assumed ... or to the IAM user that made
 * the request"; a user or role created again under the same name is another identity with another id). A session of a
 * user or role that was deleted and created again keeps authenticating until it expires, as AWS's credentials cannot
 * be revoked, and GetCallerIdentity still answers, but it has none of the new identity's permissions.
 */
class SessionsOfRecreatedPrincipalsTest {

    private static final String OBJECT = "arn:aws:s3:::reports/q1.csv";
    private static final String READ = allow("s3:GetObject", "*");
    @AutoClose
    private final StsFixture f;

    SessionsOfRecreatedPrincipalsTest() throws Exception {
        f = new StsFixture();
    }

    private void deleteRole(String name) throws Exception {
        f.iam(ACCOUNT, "DeleteRolePolicy", "RoleName", name, "PolicyName", "p");
        f.iam(ACCOUNT, "DeleteRole", "RoleName", name);
    }

    @Test
    void a_role_session_does_not_get_the_permissions_of_a_role_created_again_under_the_same_name() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String trustAlice = trust("arn:aws:iam::111122223333:user/alice");
        String role = f.role(ACCOUNT, "reader", trustAlice, READ);
        ObjectNode answer = f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s1");
        String oldId = answer.at("/AssumedRoleUser/AssumedRoleId").asText().split(":")[0];
        assertThat(f.decide(f.session(answer), "s3:GetObject", OBJECT).isAllowed()).isTrue();

        deleteRole("reader");
        f.role(ACCOUNT, "reader", trustAlice, READ);

        CallerCredential old = f.session(answer);
        Decision decision = f.decide(old, "s3:GetObject", OBJECT);
        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).isEqualTo("User: arn:aws:sts::111122223333:assumed-role/reader/s1 is not "
                + "authorized to perform: s3:GetObject because the IAM user or role its credentials were issued for ("
                + oldId + ") no longer exists");
        assertThat(f.sts(old, "GetCallerIdentity").at("/Arn").asText())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/reader/s1");
        CallerCredential fresh = f.session(f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s1"));
        assertThat(f.decide(fresh, "s3:GetObject", OBJECT).isAllowed()).isTrue();
    }

    @Test
    void a_role_session_of_a_role_created_again_is_not_granted_through_a_resource_policy_naming_the_role()
            throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String trustAlice = trust("arn:aws:iam::111122223333:user/alice");
        String role = f.role(ACCOUNT, "reader", trustAlice, null);
        ObjectNode answer = f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s1");
        String namesTheRole = StsFixture.bucketPolicyFor(role);
        assertThat(f.decide(f.session(answer), "s3:GetObject", OBJECT, ACCOUNT, namesTheRole).isAllowed()).isTrue();

        f.iam(ACCOUNT, "DeleteRole", "RoleName", "reader");
        f.role(ACCOUNT, "reader", trustAlice, null);

        assertThat(f.decide(f.session(answer), "s3:GetObject", OBJECT, ACCOUNT, namesTheRole).isAllowed()).isFalse();
    }

    @Test
    void a_session_token_does_not_get_the_permissions_of_a_user_created_again_under_the_same_name() throws Exception {
        CallerCredential bob = f.user(ACCOUNT, "bob", READ);
        ObjectNode answer = f.sts(bob, "GetSessionToken");
        assertThat(f.decide(f.session(answer), "s3:GetObject", OBJECT).isAllowed()).isTrue();

        f.deleteUser(ACCOUNT, "bob", bob);
        f.user(ACCOUNT, "bob", READ);

        Decision decision = f.decide(f.session(answer), "s3:GetObject", OBJECT);
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).contains("because the IAM user or role its credentials were issued for (AIDA");
    }

    @Test
    void a_session_of_an_unchanged_role_keeps_its_permissions() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String role = f.role(ACCOUNT, "reader", trust("arn:aws:iam::111122223333:user/alice"), READ);
        ObjectNode answer = f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s1");

        f.iam(ACCOUNT, "TagRole", "RoleName", "reader", "Tags.member.1.Key", "team", "Tags.member.1.Value", "blue");

        assertThat(f.decide(f.session(answer), "s3:GetObject", OBJECT).isAllowed()).isTrue();
    }
}
