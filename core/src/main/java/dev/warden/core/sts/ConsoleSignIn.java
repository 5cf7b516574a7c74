package dev.warden.core.sts;

import dev.warden.core.Warden;
import dev.warden.core.auth.password.PasswordExpiry;
import dev.warden.core.auth.password.PasswordHasher;
import dev.warden.core.auth.password.PasswordPolicy;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.LoginProfile;
import dev.warden.core.iam.MfaDevice;
import dev.warden.core.iam.User;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Console sign-in for applications with their own login page: a user's (or the root user's) password and, when it
 * has an MFA device, its code buy a 12-hour console session. A wrong account, user or password all fail alike, and
 * take as long, so a caller learns nothing about which was wrong. Counted as {@code warden.signins{result}}.
 */
public final class ConsoleSignIn {

    /** AWS's answer to a sign-in that fails. */
    public static final String FAILED = "Your authentication information is incorrect. Please try again.";
    private static final long SESSION_SECONDS = 12 * 3_600;

    /**
     * A successful sign-in.
     *
     * @param passwordResetRequired the user must choose a new password now (ChangePassword with these credentials):
     *     an administrator asked for it, or the password has expired under the account's policy
     */
    public record Result(TemporaryCredentials credentials, boolean passwordResetRequired) {
    }

    private final Warden warden;
    private final StsService sts;
    private final PasswordHasher hasher = new PasswordHasher();
    /** Verified when the user does not exist, so a miss costs what a hit does. */
    private final String decoy = hasher.hash("decoy password".toCharArray());
    private final MeterRegistry registry;

    public ConsoleSignIn(Warden warden, StsService sts, MeterRegistry registry) {
        this.warden = Objects.requireNonNull(warden, "warden");
        this.sts = Objects.requireNonNull(sts, "sts");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Signs {@code userName} of account {@code account} (its id or alias) in.
     *
     * @param mfaCode the code of the user's MFA device; required when the user has one, ignored otherwise
     * @throws IamException {@code AccessDenied} with {@link #FAILED} for a wrong account, user or password, or with
     *     AWS's MFA message for a missing or wrong code; {@code EntityTemporarilyUnmodifiable} when the password
     *     expired and the policy wants an administrator to reset it
     */
    public Result signIn(String account, String userName, char[] password, String mfaCode) throws IamException {
        try {
            Result result = attempt(account, userName, password, mfaCode);
            count("success");
            return result;
        } catch (IamException e) {
            count("failure");
            throw e;
        }
    }

    /**
     * Signs the root user of an account in with its console password, as AWS's root sign-in does: by the root user's
     * email address (or, for an account without one, its id). The account's password policy does not apply to the
     * root user; its MFA devices do.
     *
     * @param mfaCode the code of one of the root user's MFA devices; required when it has one, ignored otherwise
     * @throws IamException as {@link #signIn}
     */
    public Result signInAsRoot(String emailOrAccountId, char[] password, String mfaCode) throws IamException {
        try {
            Result result = attemptAsRoot(emailOrAccountId, password, mfaCode);
            count("success");
            return result;
        } catch (IamException e) {
            count("failure");
            throw e;
        }
    }

    private Result attempt(String accountIdOrAlias, String userName, char[] password, String mfaCode)
            throws IamException {
        Directory directory = warden.directory().current();
        Account account = account(directory, accountIdOrAlias);
        User user = account == null || userName == null ? null : account.user(userName);
        if (user != null && !user.name().equals(userName)) {
            user = null; // sign-in names are exact, as in AWS's console
        }
        checkPassword(user == null ? null : user.loginProfile(), password);
        Principal principal = Principal.of(user.arn(directory.partition(), account.id()));
        Instant mfaAt = checkMfa(account, userName, principal, mfaCode, userName);
        PasswordPolicy policy = account.settings().passwordPolicy();
        boolean expired = policy != null && new PasswordExpiry(warden.clock())
                .status(policy, user.loginProfile().passwordLastChanged()).expired();
        if (expired && policy.hardExpiry()) {
            throw new IamException(IamError.ENTITY_TEMPORARILY_UNMODIFIABLE, "The password of " + userName
                    + " has expired; an administrator must reset it.");
        }
        recordUse(account.id(), password, new UserPassword(userName));
        return new Result(session(principal, user.id(), mfaAt), expired || user.loginProfile().passwordResetRequired());
    }

    private Result attemptAsRoot(String emailOrAccountId, char[] password, String mfaCode) throws IamException {
        Directory directory = warden.directory().current();
        Account account = rootAccount(directory, emailOrAccountId);
        checkPassword(account == null ? null : account.root().loginProfile(), password);
        Principal principal = Principal.of(account.rootArn(directory.partition()));
        Instant mfaAt = checkMfa(account, MfaDevice.ROOT_USER, principal, mfaCode, "the root user");
        recordUse(account.id(), password, new RootPassword());
        // AWS: the root user's aws:userid is its account id
        return new Result(session(principal, account.id(), mfaAt), false);
    }

    /** Fails alike, and as slowly, for a missing profile and a wrong password. */
    private void checkPassword(LoginProfile profile, char[] password) throws IamException {
        String hash = profile == null ? decoy : profile.passwordHash();
        boolean passwordOk = hasher.verify(password, hash);
        if (profile == null || !passwordOk) {
            throw new IamException(IamError.ACCESS_DENIED, FAILED);
        }
    }

    /**
     * When the devices enabled for {@code holder} (a user's name, or {@link MfaDevice#ROOT_USER}) accepted
     * {@code mfaCode}, or {@code null} when it has none.
     */
    private Instant checkMfa(Account account, String holder, Principal principal, String mfaCode, String who)
            throws IamException {
        List<MfaDevice> devices = account.settings().mfaDevices().stream()
                .filter(d -> holder.equals(d.userName())).toList();
        if (devices.isEmpty()) {
            return null;
        }
        if (mfaCode == null || mfaCode.isBlank()) {
            throw new IamException(IamError.ACCESS_DENIED, "An MFA code is required to sign in as " + who + ".");
        }
        return verifyAny(principal, devices, mfaCode);
    }

    private TemporaryCredentials session(Principal principal, String userId, Instant mfaAt) {
        Instant now = sts.now();
        SessionClaims claims = new SessionClaims(SessionClaims.Type.CONSOLE, principal.arn(), userId,
                dev.warden.core.auth.SigningCredential.newSecretAccessKey(), now, now.plusSeconds(SESSION_SECONDS),
                mfaAt, null, null, null, null, false);
        return sts.issue(claims);
    }

    private Instant verifyAny(Principal principal, List<MfaDevice> devices, String code) throws IamException {
        IamException last = null;
        for (MfaDevice device : devices) {
            try {
                warden.iam().verifyMfa(principal, device.serialNumber(), code);
                return sts.now();
            } catch (IamException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Whose password a sign-in used: where its login profile and last use live in an account. */
    private interface PasswordHolder {
        LoginProfile profile(Account account);

        /** The change recording a use at {@code when}, with {@code profile} as the (maybe re-hashed) login profile. */
        Changes used(Account account, LoginProfile profile, Instant when);
    }

    private record UserPassword(String userName) implements PasswordHolder {
        @Override
        public LoginProfile profile(Account account) {
            return account.user(userName).loginProfile();
        }

        @Override
        public Changes used(Account account, LoginProfile profile, Instant when) {
            User user = account.user(userName);
            return new Changes().put(account.id(), user.withPasswordLastUsed(when).withLoginProfile(profile));
        }
    }

    private record RootPassword() implements PasswordHolder {
        @Override
        public LoginProfile profile(Account account) {
            return account.root().loginProfile();
        }

        @Override
        public Changes used(Account account, LoginProfile profile, Instant when) {
            return new Changes().put(account.withRoot(
                    account.root().withPasswordLastUsed(when).withLoginProfile(profile)));
        }
    }

    /** Records when the password was used, and re-hashes it if the hash is weaker than today's. */
    private void recordUse(String accountId, char[] password, PasswordHolder holder) throws IamException {
        String upgraded = null;
        LoginProfile current = holder.profile(warden.directory().current().account(accountId));
        if (hasher.needsRehash(current.passwordHash())) {
            upgraded = hasher.hash(password);
        }
        String rehashed = upgraded;
        try {
            warden.directory().update(d -> {
                Account account = d.account(accountId);
                LoginProfile p = holder.profile(account);
                if (rehashed != null && p != null) {
                    p = new LoginProfile(rehashed, p.createDate(), p.passwordLastChanged(), p.passwordResetRequired(),
                            p.previousPasswordHashes());
                }
                return new LiveDirectory.Result<>(null, holder.used(account, p, sts.now()));
            });
        } catch (IOException e) {
            throw new IamException(IamError.SERVICE_FAILURE, "the sign-in could not be recorded: " + e.getMessage());
        }
    }

    /** The account whose id is {@code idOrAlias}, or whose alias it is. */
    private static Account account(Directory directory, String idOrAlias) {
        return account(directory, idOrAlias, a -> idOrAlias.equals(a.alias()));
    }

    /** The account whose id is {@code emailOrAccountId}, or whose root user has it as its email. */
    private static Account rootAccount(Directory directory, String emailOrAccountId) {
        return account(directory, emailOrAccountId, a -> a.root().hasEmail(emailOrAccountId));
    }

    /** The account whose id is {@code key}, else the first that {@code named} picks; {@code null} for none. */
    private static Account account(Directory directory, String key, Predicate<Account> named) {
        if (key == null) {
            return null;
        }
        Account byId = directory.account(key);
        return byId != null ? byId : directory.accounts().values().stream().filter(named).findFirst().orElse(null);
    }

    private void count(String result) {
        Counter.builder("warden.signins").tag("result", result).register(registry).increment();
    }
}
