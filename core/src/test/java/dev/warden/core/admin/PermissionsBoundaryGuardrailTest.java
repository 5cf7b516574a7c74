package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code iam:PermissionsBoundary} is the boundary CreateUser, CreateRole and Put*PermissionsBoundary ask for, and the
 * boundary the target user or role has for the calls that change its permissions, so AWS's delegated-administrator
 * guardrail works: a delegate creates and changes only users and roles bounded by the boundary it is given, and cannot
 * take the boundary off.
 */
class PermissionsBoundaryGuardrailTest {

    private static final String A = "arn:aws:iam::111122223333:";
    private static final String BOUNDARY = A + "policy/Boundary";
    private static final String OTHER = A + "policy/Other";
    private static final String IAM_READ = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";

    /** AWS's example (IAM User Guide, "Delegating responsibility to others by using permissions boundaries"). */
    private static final String DELEGATED_USER_ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"CreateOrChangeOnlyWithBoundary\",\"Effect\":\"Allow\",\"Action\":[\"iam:CreateUser\","
            + "\"iam:DeleteUserPolicy\",\"iam:AttachUserPolicy\",\"iam:DetachUserPolicy\","
            + "\"iam:PutUserPermissionsBoundary\",\"iam:PutUserPolicy\"],\"Resource\":\"*\",\"Condition\":"
            + "{\"StringEquals\":{\"iam:PermissionsBoundary\":\"" + BOUNDARY + "\"}}},"
            + "{\"Sid\":\"NoBoundaryUserDelete\",\"Effect\":\"Deny\",\"Action\":\"iam:DeleteUserPermissionsBoundary\","
            + "\"Resource\":\"*\"}]}";

    private IamFixture f;
    private Principal delegate;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
        f.createPolicy("Boundary", READ_OBJECTS);
        f.createPolicy("Other", READ_OBJECTS);
        delegate = f.userWithPolicy("delegate", "/", DELEGATED_USER_ADMIN);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void aDelegateCreatesUsersOnlyWithTheBoundary() throws Exception {
        f.as(delegate, "CreateUser", "UserName", "bounded", "PermissionsBoundary", BOUNDARY);

        assertThat(f.root("GetUser", "UserName", "bounded").at("/User/PermissionsBoundary/PermissionsBoundaryArn")
                .asText()).isEqualTo(BOUNDARY);
        IamException none = f.fails(delegate, "CreateUser", "UserName", "free");
        assertThat(none.getMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/delegate is not authorized to "
                + "perform: iam:CreateUser on resource: arn:aws:iam::111122223333:user/free because no "
                + "identity-based policy allows the iam:CreateUser action");
        assertThat(f.fails(delegate, "CreateUser", "UserName", "other", "PermissionsBoundary", OTHER).error())
                .isEqualTo(IamError.ACCESS_DENIED);
    }

    @Test
    void aDelegateChangesThePermissionsOfBoundedUsersOnly() throws Exception {
        f.as(delegate, "CreateUser", "UserName", "bounded", "PermissionsBoundary", BOUNDARY);
        f.root("CreateUser", "UserName", "free");
        f.root("CreateUser", "UserName", "other", "PermissionsBoundary", OTHER);

        f.as(delegate, "PutUserPolicy", "UserName", "bounded", "PolicyName", "p", "PolicyDocument", READ_OBJECTS);
        f.as(delegate, "AttachUserPolicy", "UserName", "bounded", "PolicyArn", IAM_READ);
        f.as(delegate, "DetachUserPolicy", "UserName", "bounded", "PolicyArn", IAM_READ);
        f.as(delegate, "DeleteUserPolicy", "UserName", "bounded", "PolicyName", "p");
        for (String user : new String[] {"free", "other"}) {
            assertThat(f.fails(delegate, "PutUserPolicy", "UserName", user, "PolicyName", "p", "PolicyDocument",
                    READ_OBJECTS).getMessage()).contains("iam:PutUserPolicy on resource: " + A + "user/" + user + " ");
            assertThat(f.fails(delegate, "AttachUserPolicy", "UserName", user, "PolicyArn", IAM_READ).error())
                    .isEqualTo(IamError.ACCESS_DENIED);
        }
    }

    @Test
    void aDelegateCannotTakeTheBoundaryOffOrSwapIt() throws Exception {
        f.as(delegate, "CreateUser", "UserName", "bounded", "PermissionsBoundary", BOUNDARY);

        IamException removed = f.fails(delegate, "DeleteUserPermissionsBoundary", "UserName", "bounded");
        assertThat(removed.getMessage()).endsWith("with an explicit deny in an identity-based policy");
        assertThat(f.fails(delegate, "PutUserPermissionsBoundary", "UserName", "bounded", "PermissionsBoundary", OTHER)
                .error()).isEqualTo(IamError.ACCESS_DENIED);
        f.as(delegate, "PutUserPermissionsBoundary", "UserName", "bounded", "PermissionsBoundary", BOUNDARY);
    }

    @Test
    void aDenyOnRemovingOneBoundaryProtectsThatBoundaryOnly() throws Exception {
        Principal admin = f.userWithPolicy("admin", "/", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":[\"iam:DeleteUserPermissionsBoundary\","
                + "\"iam:DeleteRolePermissionsBoundary\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"iam:PermissionsBoundary\":\"" + BOUNDARY + "\"}}}]}");
        f.root("CreateUser", "UserName", "bounded", "PermissionsBoundary", BOUNDARY);
        f.root("CreateUser", "UserName", "other", "PermissionsBoundary", OTHER);
        f.root("CreateRole", "RoleName", "bounded", "AssumeRolePolicyDocument", TRUST_EC2, "PermissionsBoundary",
                BOUNDARY);

        assertThat(f.fails(admin, "DeleteUserPermissionsBoundary", "UserName", "bounded").error())
                .isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.fails(admin, "DeleteRolePermissionsBoundary", "RoleName", "bounded").error())
                .isEqualTo(IamError.ACCESS_DENIED);
        f.as(admin, "DeleteUserPermissionsBoundary", "UserName", "other");
        assertThat(f.root("GetUser", "UserName", "other").at("/User/PermissionsBoundary").isMissingNode()).isTrue();
    }

    @Test
    void aRoleDelegateCreatesAndChangesOnlyBoundedRoles() throws Exception {
        Principal roles = f.userWithPolicy("roles", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":[\"iam:CreateRole\",\"iam:PutRolePermissionsBoundary\","
                + "\"iam:AttachRolePolicy\",\"iam:PutRolePolicy\",\"iam:UpdateAssumeRolePolicy\",\"iam:UpdateRole\","
                + "\"iam:GetRole\",\"iam:DetachRolePolicy\",\"iam:DeleteRolePolicy\",\"iam:DeleteRole\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"iam:PermissionsBoundary\":\"" + BOUNDARY
                + "\"}}}]}");
        f.root("CreateRole", "RoleName", "free", "AssumeRolePolicyDocument", TRUST_EC2);

        f.as(roles, "CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2, "PermissionsBoundary",
                BOUNDARY);
        assertThat(f.fails(roles, "CreateRole", "RoleName", "loose", "AssumeRolePolicyDocument", TRUST_EC2).error())
                .isEqualTo(IamError.ACCESS_DENIED);
        for (String[] call : new String[][] {
                {"AttachRolePolicy", "PolicyArn", IAM_READ},
                {"DetachRolePolicy", "PolicyArn", IAM_READ},
                {"PutRolePolicy", "PolicyName", "p", "PolicyDocument", READ_OBJECTS},
                {"DeleteRolePolicy", "PolicyName", "p"},
                {"UpdateAssumeRolePolicy", "PolicyDocument", TRUST_EC2},
                {"UpdateRole", "Description", "d"},
                {"GetRole"}}) {
            String[] rest = Arrays.copyOfRange(call, 1, call.length);
            String[] onFree = IamFixture.with(new String[] {"RoleName", "free"}, rest);
            String[] onApp = IamFixture.with(new String[] {"RoleName", "app"}, rest);
            assertThat(f.fails(roles, call[0], onFree).getMessage()).as(call[0])
                    .contains("iam:" + call[0] + " on resource: " + A + "role/free ");
            f.as(roles, call[0], onApp);
        }
        assertThat(f.fails(roles, "DeleteRole", "RoleName", "free").error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.fails(roles, "PutRolePermissionsBoundary", "RoleName", "free", "PermissionsBoundary", OTHER)
                .error()).isEqualTo(IamError.ACCESS_DENIED);
        f.as(roles, "PutRolePermissionsBoundary", "RoleName", "free", "PermissionsBoundary", BOUNDARY);
        f.as(roles, "DeleteRole", "RoleName", "app");
    }
}
