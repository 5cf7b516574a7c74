package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.password.PasswordCheck;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.LoginProfile;
import dev.warden.core.iam.RootUser;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The root user's email and console password. AWS sets both outside IAM's API (at sign-up, in the console's
 * account settings); here the application vendor sets them ({@link IamService#setRootEmail},
 * {@link IamService#setRootPassword}) and the root user changes its own password with {@code ChangePassword}. The
 * account's password policy is for IAM users only; the root password follows AWS's fixed rules.
 */
final class RootCredentials {

    private RootCredentials() {
    }

    static void setEmail(IamService service, String accountId, String email) throws IamException, IOException {
        Constraint.EMAIL.check(email);
        service.warden().directory().update(d -> new LiveDirectory.Result<>(null,
                new Changes().put(with(service, d, existing(d, accountId), email, null))));
    }

    static void setPassword(IamService service, String accountId, char[] password) throws IamException, IOException {
        service.warden().directory().update(d -> new LiveDirectory.Result<>(null,
                new Changes().put(with(service, d, existing(d, accountId), null, password))));
    }

    /**
     * {@code account} with its root user's {@code email} and {@code password} (each {@code null}: unchanged), checked:
     * the address unique across the accounts of {@code d}, the password by AWS's root rules.
     */
    static Account with(IamService service, Directory d, Account account, String email, char[] password)
            throws IamException {
        Account out = account;
        if (email != null) {
            Constraint.EMAIL.check(email);
            for (Account other : d.accounts().values()) {
                if (!other.id().equals(account.id()) && other.root().hasEmail(email)) {
                    throw IamException.alreadyExists("The email address " + email + " is already the root user's of "
                            + "another account.");
                }
            }
            out = out.withRoot(out.root().withEmail(email));
        }
        if (password != null) {
            checkCharacters(password);
            Instant now = service.warden().clock().instant().truncatedTo(ChronoUnit.SECONDS);
            LoginProfile old = out.root().loginProfile();
            out = withProfile(out, new LoginProfile(checkedHash(service, out, password),
                    old == null ? now : old.createDate(), now, false, List.of()));
        }
        return out;
    }

    /** ChangePassword by the root user: the old password must be right, the new one must follow the root rules. */
    static LiveDirectory.Result<ObjectNode> change(Call call, Directory d,
            char[] old, char[] fresh) throws IamException {
        Account account = call.account(d);
        LoginProfile profile = account.root().loginProfile();
        if (profile == null) {
            throw IamException.noSuchEntity("The root user of account " + account.id() + " has no password.");
        }
        if (!call.service().passwords().verify(old, profile.passwordHash())) {
            throw new IamException(IamError.ACCESS_DENIED, "The old password is incorrect.");
        }
        LoginProfile changed = new LoginProfile(checkedHash(call.service(), account, fresh), profile.createDate(),
                call.now(), false, List.of());
        return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(withProfile(account, changed)));
    }

    /** IAM's password characters (tab, line breaks, Latin-1), said without echoing the password. */
    private static void checkCharacters(char[] password) throws IamException {
        for (char c : password) {
            if (c > '\u00FF' || c < ' ' && c != '\t' && c != '\n' && c != '\r') {
                throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value at 'password' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                        + Constraint.PASSWORD.pattern().pattern());
            }
        }
    }

    private static Account withProfile(Account account, LoginProfile profile) {
        return account.withRoot(account.root().withLoginProfile(profile));
    }

    /** The hash of {@code password} if AWS's root password rules accept it. */
    private static String checkedHash(IamService service, Account account, char[] password) throws IamException {
        RootUser root = account.root();
        List<String> names = new ArrayList<>(List.of(account.id()));
        if (account.alias() != null) {
            names.add(account.alias());
        }
        if (root.email() != null) {
            names.add(root.email());
        }
        PasswordCheck check = service.passwordValidator().checkDefault(password, names);
        if (!check.passed()) {
            throw new IamException(IamError.PASSWORD_POLICY_VIOLATION, check.message());
        }
        return service.passwords().hash(password);
    }

    private static Account existing(Directory d, String accountId) throws IamException {
        Account account = d.account(accountId);
        if (account == null) {
            throw IamException.noSuchEntity("The account " + accountId + " cannot be found.");
        }
        return account;
    }
}
