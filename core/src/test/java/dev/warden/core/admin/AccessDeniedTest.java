package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AccessDenied: callers without the IAM permission, read-only callers, AWS managed policies, other accounts. */
class AccessDeniedTest {

    private static final String ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
        f.root("CreateUser", "UserName", "alice");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void aUserWithoutIamPermissions() throws Exception {
        Principal bob = f.userWithoutPermissions("bob");
        expect(f.fails(bob, "CreateUser", "UserName", "mallory"), IamError.ACCESS_DENIED,
                "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: iam:CreateUser on resource: "
                        + "arn:aws:iam::111122223333:user/mallory because no identity-based policy allows the "
                        + "iam:CreateUser action");
    }

    @Test
    void denialComesBeforeSayingWhetherTheEntityExists() throws Exception {
        Principal bob = f.userWithoutPermissions("bob");
        assertThat(f.fails(bob, "GetUser", "UserName", "ghost").error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.fails(bob, "DeleteRole", "RoleName", "ghost").error()).isEqualTo(IamError.ACCESS_DENIED);
    }

    @Test
    void aReadOnlyUserMayGetAndListButNotChange() throws Exception {
        f.root("CreateUser", "UserName", "auditor");
        f.root("AttachUserPolicy", "UserName", "auditor", "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess");
        Principal auditor = Principal.of("arn:aws:iam::111122223333:user/auditor");

        assertThat(f.as(auditor, "GetUser", "UserName", "alice").at("/User/UserName").asText()).isEqualTo("alice");
        assertThat(f.as(auditor, "ListUsers").get("Users")).hasSize(2);
        assertThat(f.as(auditor, "ListPolicies", "Scope", "AWS").get("Policies")).hasSize(7);
        assertThat(f.as(auditor, "GetAccountAuthorizationDetails").has("UserDetailList")).isTrue();
        assertThat(f.as(auditor, "SimulatePrincipalPolicy", "PolicySourceArn", "arn:aws:iam::111122223333:user/alice",
                "ActionNames.member.1", "s3:GetObject").at("/EvaluationResults/0/EvalDecision").asText())
                .isEqualTo("implicitDeny");

        expect(f.fails(auditor, "CreateUser", "UserName", "mallory"), IamError.ACCESS_DENIED,
                "User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: iam:CreateUser on resource: "
                        + "arn:aws:iam::111122223333:user/mallory because no identity-based policy allows the "
                        + "iam:CreateUser action");
        assertThat(f.fails(auditor, "DeleteUser", "UserName", "alice").error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.fails(auditor, "PutUserPolicy", "UserName", "auditor", "PolicyName", "escalate",
                "PolicyDocument", READ_OBJECTS).error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.fails(auditor, "AttachUserPolicy", "UserName", "auditor", "PolicyArn", ADMIN_POLICY).error())
                .isEqualTo(IamError.ACCESS_DENIED);
    }

    @Test
    void anExplicitDenyOverridesAnAllow() throws Exception {
        Principal admin = f.userWithPolicy("admin", "/", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"KeepUsers\",\"Effect\":\"Deny\",\"Action\":\"iam:DeleteUser\",\"Resource\":\"*\"}]}");
        f.as(admin, "CreateUser", "UserName", "bob");
        expect(f.fails(admin, "DeleteUser", "UserName", "bob"), IamError.ACCESS_DENIED,
                "User: arn:aws:iam::111122223333:user/admin is not authorized to perform: iam:DeleteUser on resource: "
                        + "arn:aws:iam::111122223333:user/bob with an explicit deny in an identity-based policy");
    }

    @Test
    void anAwsManagedPolicyCannotBeChangedEvenByRoot() throws Exception {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        expect(f.rootFails("CreatePolicyVersion", "PolicyArn", ADMIN_POLICY, "PolicyDocument", document),
                IamError.ACCESS_DENIED, "User: arn:aws:iam::111122223333:root is not authorized to perform: "
                        + "iam:CreatePolicyVersion on resource: " + ADMIN_POLICY + " because AWS managed policies cannot be changed");
        for (IamException e : new IamException[] {
                f.rootFails("SetDefaultPolicyVersion", "PolicyArn", ADMIN_POLICY, "VersionId", "v1"),
                f.rootFails("DeletePolicyVersion", "PolicyArn", ADMIN_POLICY, "VersionId", "v1"),
                f.rootFails("DeletePolicy", "PolicyArn", ADMIN_POLICY),
                f.rootFails("TagPolicy", "PolicyArn", ADMIN_POLICY, "Tags.member.1.Key", "k", "Tags.member.1.Value", "v"),
                f.rootFails("UntagPolicy", "PolicyArn", ADMIN_POLICY, "TagKeys.member.1", "k")}) {
            assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
            assertThat(e.getMessage()).startsWith("User: arn:aws:iam::111122223333:root is not authorized to perform: iam:")
                    .contains(" on resource: " + ADMIN_POLICY + " because AWS managed policies cannot be changed");
        }
        // an administrator of the account fares no better
        Principal admin = f.userWithPolicy("admin", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        assertThat(f.fails(admin, "CreatePolicyVersion", "PolicyArn", ADMIN_POLICY, "PolicyDocument", document).error())
                .isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.root("GetPolicy", "PolicyArn", ADMIN_POLICY).at("/Policy/DefaultVersionId").asText()).isEqualTo("v1");
    }

    @Test
    void anotherAccountsRootHasNoSayHere() throws Exception {
        f.iam.createAccount(IamFixture.OTHER_ACCOUNT, null);
        Principal otherRoot = Principal.of("arn:aws:iam::444455556666:root");
        IamException e = f.fails(otherRoot, "GetUser", "UserName", "alice");
        assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(e.getMessage()).startsWith("User: arn:aws:iam::444455556666:root is not authorized to perform: "
                + "iam:GetUser on resource: arn:aws:iam::111122223333:user/alice");
        // and it manages its own account
        assertThat(f.iam.call(otherRoot, IamFixture.OTHER_ACCOUNT, "CreateUser", Map.of("UserName", "alice"))
                .at("/User/Arn").asText()).isEqualTo("arn:aws:iam::444455556666:user/alice");
    }

    @Test
    void aPrincipalTheDirectoryDoesNotKnow() throws Exception {
        Principal ghost = Principal.of("arn:aws:iam::111122223333:user/ghost");
        expect(f.fails(ghost, "ListUsers"), IamError.ACCESS_DENIED, "User: arn:aws:iam::111122223333:user/ghost is not "
                + "authorized to perform: iam:ListUsers because the principal does not exist");
    }

    @Test
    void aDeletedAdministratorLosesAccessAtOnce() throws Exception {
        f.root("CreateUser", "UserName", "admin");
        f.root("AttachUserPolicy", "UserName", "admin", "PolicyArn", ADMIN_POLICY);
        Principal admin = Principal.of("arn:aws:iam::111122223333:user/admin");
        f.as(admin, "ListUsers");
        f.root("DetachUserPolicy", "UserName", "admin", "PolicyArn", ADMIN_POLICY);
        assertThat(f.fails(admin, "ListUsers").error()).isEqualTo(IamError.ACCESS_DENIED);
    }
}
