package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.password.PasswordCheck;
import dev.warden.core.auth.password.PasswordExpiry;
import dev.warden.core.auth.password.PasswordPolicy;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.LoginProfile;
import dev.warden.core.iam.User;
import dev.warden.spi.Principal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Console passwords: CreateLoginProfile, GetLoginProfile, UpdateLoginProfile, DeleteLoginProfile and
 * ChangePassword. Every new password is checked against the account's password policy (or AWS's default rules) and
 * stored only as a PBKDF2 hash; the hashes of earlier passwords are kept as far back as reuse prevention needs.
 */
final class LoginProfileOperations {

    private LoginProfileOperations() {
    }

    static void register(IamService s) {
        s.register("CreateLoginProfile", LoginProfileOperations::create);
        s.register("GetLoginProfile", LoginProfileOperations::get);
        s.register("UpdateLoginProfile", LoginProfileOperations::update);
        s.register("DeleteLoginProfile", LoginProfileOperations::delete);
        s.register("ChangePassword", LoginProfileOperations::change);
    }

    private static ObjectNode create(Call call) throws IamException, IOException {
        String name = call.params().required("UserName", Constraint.USER_NAME);
        char[] password = call.params().required("Password", Constraint.PASSWORD).toCharArray();
        boolean reset = call.params().bool("PasswordResetRequired", false);
        call.authorize("iam:CreateLoginProfile", UserOperations.arn(call, name));
        return call.write(d -> {
            User user = UserOperations.find(call, d, name);
            if (user.loginProfile() != null) {
                throw IamException.alreadyExists("Login Profile for user " + user.name() + " already exists.");
            }
            String hash = checkedHash(call, call.account(d), password, List.of());
            LoginProfile profile = new LoginProfile(hash, call.now(), call.now(), reset, List.of());
            return new LiveDirectory.Result<>(shape(user, profile),
                    new Changes().put(call.accountId(), user.withLoginProfile(profile)));
        });
    }

    private static ObjectNode get(Call call) throws IamException {
        String name = UserOperations.userName(call);
        call.authorize("iam:GetLoginProfile", UserOperations.arn(call, name));
        User user = UserOperations.find(call, call.directory(), name);
        return shape(user, profileOf(user));
    }

    private static ObjectNode update(Call call) throws IamException, IOException {
        String name = call.params().required("UserName", Constraint.USER_NAME);
        String given = call.params().optional("Password", Constraint.PASSWORD, null);
        String reset = call.params().optional("PasswordResetRequired");
        boolean resetRequired = call.params().bool("PasswordResetRequired", false);
        call.authorize("iam:UpdateLoginProfile", UserOperations.arn(call, name));
        return call.write(d -> {
            User user = UserOperations.find(call, d, name);
            LoginProfile profile = profileOf(user);
            LoginProfile updated = given == null ? profile : changed(call, call.account(d), profile, given.toCharArray());
            updated = new LoginProfile(updated.passwordHash(), updated.createDate(), updated.passwordLastChanged(),
                    reset == null ? updated.passwordResetRequired() : resetRequired, updated.previousPasswordHashes());
            return new LiveDirectory.Result<>(Shapes.object(),
                    new Changes().put(call.accountId(), user.withLoginProfile(updated)));
        });
    }

    private static ObjectNode delete(Call call) throws IamException, IOException {
        String name = call.params().required("UserName", Constraint.USER_NAME);
        call.authorize("iam:DeleteLoginProfile", UserOperations.arn(call, name));
        return call.write(d -> {
            User user = UserOperations.find(call, d, name);
            profileOf(user);
            return new LiveDirectory.Result<>(Shapes.object(),
                    new Changes().put(call.accountId(), user.withLoginProfile(null)));
        });
    }

    /**
     * A user changes its own password, knowing the old one; AllowUsersToChangePassword lets every user do so. The root
     * user changes its own the same way, under AWS's root password rules instead of the account's policy.
     */
    private static ObjectNode change(Call call) throws IamException, IOException {
        char[] old = call.params().required("OldPassword", Constraint.PASSWORD).toCharArray();
        char[] fresh = call.params().required("NewPassword", Constraint.PASSWORD).toCharArray();
        Principal caller = call.caller();
        if (caller.kind() == Principal.Kind.ROOT && call.accountId().equals(caller.accountId())) {
            // AWS changes the root password in its console; Warden has none, so the root user uses this operation
            call.authorize("iam:ChangePassword", caller.arn());
            return call.write(d -> RootCredentials.change(call, d, old, fresh));
        }
        if (caller.kind() != Principal.Kind.USER || !call.accountId().equals(caller.accountId())) {
            throw new IamException(IamError.INVALID_USER_TYPE, "Only IAM users can change their own password.");
        }
        Directory current = call.directory();
        PasswordPolicy policy = call.account(current).settings().passwordPolicy();
        if (policy == null || !policy.allowUsersToChangePassword()) {
            call.authorize("iam:ChangePassword", UserOperations.arn(call, caller.name()));
        }
        return call.write(d -> {
            User user = UserOperations.find(call, d, caller.name());
            LoginProfile profile = profileOf(user);
            if (!call.service().passwords().verify(old, profile.passwordHash())) {
                throw new IamException(IamError.ACCESS_DENIED, "The old password is incorrect.");
            }
            Account account = call.account(d);
            PasswordPolicy now = account.settings().passwordPolicy();
            if (now != null && now.hardExpiry() && new PasswordExpiry(call.service().warden().clock())
                    .status(now, profile.passwordLastChanged()).expired()) {
                throw new IamException(IamError.ENTITY_TEMPORARILY_UNMODIFIABLE, "The password of user "
                        + user.name() + " has expired and the password policy requires an administrator to reset it.");
            }
            LoginProfile changed = changed(call, account, profile, fresh);
            changed = new LoginProfile(changed.passwordHash(), changed.createDate(), changed.passwordLastChanged(),
                    false, changed.previousPasswordHashes());
            return new LiveDirectory.Result<>(Shapes.object(),
                    new Changes().put(call.accountId(), user.withLoginProfile(changed)));
        });
    }

    private static LoginProfile profileOf(User user) throws IamException {
        if (user.loginProfile() == null) {
            throw IamException.noSuchEntity("Login Profile for User " + user.name() + " cannot be found.");
        }
        return user.loginProfile();
    }

    /** {@code profile} with {@code password} as its new password, the old hash kept for reuse prevention. */
    private static LoginProfile changed(Call call, Account account, LoginProfile profile, char[] password)
            throws IamException {
        List<String> previous = new ArrayList<>();
        previous.add(profile.passwordHash());
        previous.addAll(profile.previousPasswordHashes());
        String hash = checkedHash(call, account, password, previous);
        int keep = account.settings().passwordPolicy() == null ? 0
                : account.settings().passwordPolicy().passwordReusePrevention();
        return new LoginProfile(hash, profile.createDate(), call.now(), profile.passwordResetRequired(),
                previous.subList(0, Math.min(keep, previous.size())));
    }

    /** The hash of {@code password} if the account's policy accepts it. */
    private static String checkedHash(Call call, Account account, char[] password, List<String> previous)
            throws IamException {
        PasswordPolicy policy = account.settings().passwordPolicy();
        List<String> names = new ArrayList<>(List.of(account.id()));
        if (account.alias() != null) {
            names.add(account.alias());
        }
        PasswordCheck check = policy == null
                ? call.service().passwordValidator().checkDefault(password, names)
                : call.service().passwordValidator().check(policy, password,
                        previous.subList(0, Math.min(policy.passwordReusePrevention(), previous.size())));
        if (!check.passed()) {
            throw new IamException(IamError.PASSWORD_POLICY_VIOLATION, check.message());
        }
        return call.service().passwords().hash(password);
    }

    private static ObjectNode shape(User user, LoginProfile profile) {
        ObjectNode out = Shapes.object();
        out.putObject("LoginProfile").put("UserName", user.name()).put("CreateDate", profile.createDate().toString())
                .put("PasswordResetRequired", profile.passwordResetRequired());
        return out;
    }
}
