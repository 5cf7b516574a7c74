package dev.warden.core.iam;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The credentials of an account's root user ({@code arn:aws:iam::ACCOUNT:root}): the email address it signs in with,
 * its console password, and its access keys (at most two; AWS recommends none). Its MFA devices are the account's
 * devices enabled for it ({@link MfaDevice#assignedToRoot()}). The root user holds every permission of its account
 * without any policy, so every one of these credentials is as powerful as the account itself.
 *
 * @param email the address the root user signs in with, or {@code null}; unique across accounts without regard to
 *     case
 * @param loginProfile its console password, or {@code null} when it has none
 * @param passwordLastUsed when its password was last used to sign in, or {@code null}
 * @param accessKeys its access keys
 */
public record RootUser(String email, LoginProfile loginProfile, Instant passwordLastUsed, List<AccessKey> accessKeys) {

    /** A root user without email, password or keys: what every account had before Warden knew root credentials. */
    public static final RootUser NONE = new RootUser(null, null, null, List.of());

    public RootUser {
        accessKeys = List.copyOf(accessKeys);
    }

    public RootUser withEmail(String newEmail) {
        return new RootUser(newEmail, loginProfile, passwordLastUsed, accessKeys);
    }

    public RootUser withLoginProfile(LoginProfile profile) {
        return new RootUser(email, profile, passwordLastUsed, accessKeys);
    }

    public RootUser withPasswordLastUsed(Instant when) {
        return new RootUser(email, loginProfile, when, accessKeys);
    }

    public RootUser withAccessKeys(List<AccessKey> keys) {
        return new RootUser(email, loginProfile, passwordLastUsed, keys);
    }

    /** Whether {@code address} is this root user's email, compared without regard to case as mail systems do. */
    public boolean hasEmail(String address) {
        return email != null && address != null
                && email.toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "RootUser[" + (loginProfile == null ? "no password" : "password") + ", " + accessKeys.size()
                + " access keys]";
    }
}
