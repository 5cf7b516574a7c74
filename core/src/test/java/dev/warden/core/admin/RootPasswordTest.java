package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.ACCOUNT;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LoginProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The root user's email and password: set by the application vendor (AWS sets them at sign-up, outside IAM's API),
 * changed by the root user itself with ChangePassword; AWS's root password rules apply, the account's password
 * policy (for IAM users) does not; only a hash is stored.
 */
class RootPasswordTest {

    private final IamFixture f;

    RootPasswordTest() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private LoginProfile rootProfile() {
        return f.warden.directory().current().account(ACCOUNT).root().loginProfile();
    }

    private static void refused(ThrowingCall call, IamError error, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(IamException.class, e -> expect(e, error, message));
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void the_vendor_sets_the_root_password_and_only_its_hash_is_stored() throws Exception {
        f.iam.setRootPassword(ACCOUNT, "Root-Password-1".toCharArray());

        assertThat(rootProfile()).isNotNull();
        assertThat(f.iam.passwords().verify("Root-Password-1".toCharArray(), rootProfile().passwordHash())).isTrue();
        assertThat(f.store.readAll().values()).noneMatch(text -> text.contains("Root-Password-1"));
        assertThat(f.store.readAll().get("accounts/111122223333/account.json")).contains("pbkdf2-sha256$600000$");
    }

    @Test
    void the_root_password_follows_awss_root_rules_and_not_the_accounts_policy() throws Exception {
        f.root("UpdateAccountPasswordPolicy", "MinimumPasswordLength", "20", "RequireSymbols", "true");
        f.iam.setRootEmail(ACCOUNT, "Owner.1@example.com");

        f.iam.setRootPassword(ACCOUNT, "Short-but-ok1".toCharArray());

        refused(() -> f.iam.setRootPassword(ACCOUNT, "alllowercase".toCharArray()), IamError.PASSWORD_POLICY_VIOLATION,
                "Password does not conform to the account password policy. Password should have at least three of "
                        + "the following: uppercase letters, lowercase letters, numbers and symbols");
        refused(() -> f.iam.setRootPassword(ACCOUNT, "Owner.1@example.com".toCharArray()),
                IamError.PASSWORD_POLICY_VIOLATION, "Password does not conform to the account password policy. "
                        + "Password should not be identical to your account name or email address");
        assertThat(f.iam.passwords().verify("Short-but-ok1".toCharArray(), rootProfile().passwordHash())).isTrue();
    }

    @Test
    void the_root_user_changes_its_own_password_knowing_the_old_one() throws Exception {
        f.iam.setRootPassword(ACCOUNT, "Root-Password-1".toCharArray());

        expect(f.rootFails("ChangePassword", "OldPassword", "Wrong-Password-1", "NewPassword", "Root-Password-2"),
                IamError.ACCESS_DENIED, "The old password is incorrect.");
        f.root("ChangePassword", "OldPassword", "Root-Password-1", "NewPassword", "Root-Password-2");

        assertThat(f.iam.passwords().verify("Root-Password-2".toCharArray(), rootProfile().passwordHash())).isTrue();
    }

    @Test
    void a_root_user_without_a_password_has_none_to_change() throws Exception {
        expect(f.rootFails("ChangePassword", "OldPassword", "x", "NewPassword", "Root-Password-2"),
                IamError.NO_SUCH_ENTITY, "The root user of account 111122223333 has no password.");
    }

    @Test
    void a_root_email_is_an_address_and_belongs_to_one_account() throws Exception {
        f.iam.createAccount(IamFixture.OTHER_ACCOUNT, null);
        f.iam.setRootEmail(ACCOUNT, "owner@example.com");

        refused(() -> f.iam.setRootEmail(IamFixture.OTHER_ACCOUNT, "OWNER@example.com"),
                IamError.ENTITY_ALREADY_EXISTS,
                "The email address OWNER@example.com is already the root user's of another account.");
        refused(() -> f.iam.setRootEmail(IamFixture.OTHER_ACCOUNT, "not an address"), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value 'not an address' at 'email' failed to satisfy constraint: Member "
                        + "must satisfy regular expression pattern: [^\\s@]+@[^\\s@]+");
        refused(() -> f.iam.setRootEmail("999999999999", "x@example.com"), IamError.NO_SUCH_ENTITY,
                "The account 999999999999 cannot be found.");
        f.iam.setRootEmail(ACCOUNT, "owner@example.com");
        assertThat(f.warden.directory().current().account(ACCOUNT).root().email()).isEqualTo("owner@example.com");
    }
}
