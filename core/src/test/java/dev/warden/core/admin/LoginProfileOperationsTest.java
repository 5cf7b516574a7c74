package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.ARN;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginProfileOperationsTest {

    private final IamFixture f;

    LoginProfileOperationsTest() throws Exception {
        f = new IamFixture();
        f.root("CreateUser", "UserName", "alice");
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void aLoginProfileIsCreatedOnceAndStoresOnlyAHash() throws Exception {
        var created = f.root("CreateLoginProfile", "UserName", "alice", "Password", "Correct-Horse-7",
                "PasswordResetRequired", "true");

        assertThat(created.at("/LoginProfile/UserName").asText()).isEqualTo("alice");
        assertThat(created.at("/LoginProfile/PasswordResetRequired").asBoolean()).isTrue();
        assertThat(f.root("GetLoginProfile", "UserName", "alice").at("/LoginProfile/CreateDate").asText()).isNotEmpty();
        assertThat(f.store.readAll().values()).noneMatch(text -> text.contains("Correct-Horse-7"))
                .anyMatch(text -> text.contains("pbkdf2-sha256$600000$"));
        expect(f.rootFails("CreateLoginProfile", "UserName", "alice", "Password", "Other-Horse-8"),
                IamError.ENTITY_ALREADY_EXISTS, "Login Profile for user alice already exists.");
    }

    @Test
    void withoutAPolicyAwssDefaultRulesApply() throws Exception {
        IamException weak = f.rootFails("CreateLoginProfile", "UserName", "alice", "Password", "password");

        assertThat(weak.error()).isEqualTo(IamError.PASSWORD_POLICY_VIOLATION);
        assertThat(weak.getMessage()).startsWith("Password does not conform to the account password policy.");
    }

    @Test
    void theAccountPolicyIsEnforcedIncludingReusePrevention() throws Exception {
        f.root("UpdateAccountPasswordPolicy", "MinimumPasswordLength", "12", "RequireNumbers", "true",
                "PasswordReusePrevention", "2", "AllowUsersToChangePassword", "true");
        f.root("CreateLoginProfile", "UserName", "alice", "Password", "first-password-1");

        IamException shortOne = f.rootFails("UpdateLoginProfile", "UserName", "alice", "Password", "short-1");
        assertThat(shortOne.getMessage()).contains("minimum length of 12");
        f.root("UpdateLoginProfile", "UserName", "alice", "Password", "second-password-2");
        IamException reused = f.rootFails("UpdateLoginProfile", "UserName", "alice", "Password", "first-password-1");
        assertThat(reused.error()).isEqualTo(IamError.PASSWORD_POLICY_VIOLATION);
    }

    @Test
    void aUserChangesItsOwnPasswordKnowingTheOldOne() throws Exception {
        f.root("UpdateAccountPasswordPolicy", "AllowUsersToChangePassword", "true", "MinimumPasswordLength", "8");
        f.root("CreateLoginProfile", "UserName", "alice", "Password", "Old-password-1", "PasswordResetRequired", "true");
        Principal alice = Principal.of(ARN + "user/alice");

        expect(f.fails(alice, "ChangePassword", "OldPassword", "wrong-password-1", "NewPassword", "New-password-2"),
                IamError.ACCESS_DENIED, "The old password is incorrect.");
        f.as(alice, "ChangePassword", "OldPassword", "Old-password-1", "NewPassword", "New-password-2");
        assertThat(f.root("GetLoginProfile", "UserName", "alice").at("/LoginProfile/PasswordResetRequired").asBoolean())
                .isFalse();
        assertThat(f.warden.login("111122223333", "alice", "New-password-2".toCharArray(), null).credentials()).isNotNull();
    }

    @Test
    void withoutAllowUsersToChangePasswordAUserNeedsIamChangePassword() throws Exception {
        f.root("CreateLoginProfile", "UserName", "alice", "Password", "Old-password-1");
        Principal alice = Principal.of(ARN + "user/alice");

        assertThat(f.fails(alice, "ChangePassword", "OldPassword", "Old-password-1", "NewPassword", "New-password-2")
                .error()).isEqualTo(IamError.ACCESS_DENIED);
        // the root user changes its own password with ChangePassword (RootPasswordTest); a role cannot
        expect(f.fails(Principal.of("arn:aws:sts::111122223333:assumed-role/app/session"), "ChangePassword",
                "OldPassword", "x", "NewPassword", "y"), IamError.INVALID_USER_TYPE,
                "Only IAM users can change their own password.");
    }

    @Test
    void deletingTheProfileEndsSignInAndAUserWithOneCannotBeDeleted() throws Exception {
        f.root("CreateLoginProfile", "UserName", "alice", "Password", "Old-password-1");

        expect(f.rootFails("DeleteUser", "UserName", "alice"), IamError.DELETE_CONFLICT,
                "Cannot delete entity, must delete login profile first.");
        f.root("DeleteLoginProfile", "UserName", "alice");
        expect(f.rootFails("GetLoginProfile", "UserName", "alice"), IamError.NO_SUCH_ENTITY,
                "Login Profile for User alice cannot be found.");
        f.root("DeleteUser", "UserName", "alice");
    }
}
