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
import dev.warden.core.iam.MfaDevice;
import dev.warden.core.iam.User;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Console sign-in for applications with their own login page: a user's password (and, when the user has an MFA
 * device, its code) buys a 12-hour console session. A wrong account, user or password all fail alike, and take as
 * long, so a caller learns nothing about which was wrong. Counted as {@code warden.signins{result}}.
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

    private Result attempt(String accountIdOrAlias, String userName, char[] password, String mfaCode)
            throws IamException {
        Directory directory = warden.directory().current();
        Account account = account(directory, accountIdOrAlias);
        User user = account == null || userName == null ? null : account.user(userName);
        if (user != null && !user.name().equals(userName)) {
            user = null; // sign-in names are exact, as in AWS's console
        }
        String hash = user == null || user.loginProfile() == null ? decoy : user.loginProfile().passwordHash();
        boolean passwordOk = hasher.verify(password, hash);
        if (hash == decoy || !passwordOk) {
            throw new IamException(IamError.ACCESS_DENIED, FAILED);
        }
        Principal principal = Principal.of(user.arn(directory.partition(), account.id()));
        List<MfaDevice> devices = account.settings().mfaDevices().stream()
                .filter(d -> userNameEquals(d, userName)).toList();
        Instant mfaAt = null;
        if (!devices.isEmpty()) {
            if (mfaCode == null || mfaCode.isBlank()) {
                throw new IamException(IamError.ACCESS_DENIED, "An MFA code is required to sign in as " + userName + ".");
            }
            mfaAt = verifyAny(principal, devices, mfaCode);
        }
        PasswordPolicy policy = account.settings().passwordPolicy();
        boolean expired = policy != null && new PasswordExpiry(warden.clock())
                .status(policy, user.loginProfile().passwordLastChanged()).expired();
        if (expired && policy.hardExpiry()) {
            throw new IamException(IamError.ENTITY_TEMPORARILY_UNMODIFIABLE, "The password of " + userName
                    + " has expired; an administrator must reset it.");
        }
        recordUse(account.id(), userName, password);
        Instant now = sts.now();
        SessionClaims claims = new SessionClaims(SessionClaims.Type.CONSOLE, principal.arn(), user.id(),
                dev.warden.core.auth.SigningCredential.newSecretAccessKey(), now, now.plusSeconds(SESSION_SECONDS),
                mfaAt, null, null, null, null, false);
        return new Result(sts.issue(claims), expired || user.loginProfile().passwordResetRequired());
    }

    private static boolean userNameEquals(MfaDevice device, String userName) {
        return userName.equals(device.userName());
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

    /** Records when the password was used, and re-hashes it if the hash is weaker than today's. */
    private void recordUse(String accountId, String userName, char[] password) throws IamException {
        String upgraded = null;
        User current = warden.directory().current().account(accountId).user(userName);
        if (hasher.needsRehash(current.loginProfile().passwordHash())) {
            upgraded = hasher.hash(password);
        }
        String rehashed = upgraded;
        try {
            warden.directory().update(d -> {
                User user = d.account(accountId).user(userName);
                User used = user.withPasswordLastUsed(sts.now());
                if (rehashed != null && user.loginProfile() != null) {
                    var p = user.loginProfile();
                    used = used.withLoginProfile(new dev.warden.core.iam.LoginProfile(rehashed, p.createDate(),
                            p.passwordLastChanged(), p.passwordResetRequired(), p.previousPasswordHashes()));
                }
                return new LiveDirectory.Result<>(null, new Changes().put(accountId, used));
            });
        } catch (IOException e) {
            throw new IamException(IamError.SERVICE_FAILURE, "the sign-in could not be recorded: " + e.getMessage());
        }
    }

    private static Account account(Directory directory, String idOrAlias) {
        if (idOrAlias == null) {
            return null;
        }
        Account byId = directory.account(idOrAlias);
        if (byId != null) {
            return byId;
        }
        return directory.accounts().values().stream().filter(a -> idOrAlias.equals(a.alias())).findFirst()
                .orElse(null);
    }

    private void count(String result) {
        Counter.builder("warden.signins").tag("result", result).register(registry).increment();
    }
}
