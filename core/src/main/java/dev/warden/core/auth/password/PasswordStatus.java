package dev.warden.core.auth.password;

/** Where a user's password stands against the account's {@code MaxPasswordAge} and {@code HardExpiry}. */
public enum PasswordStatus {
    /** Not expired: the user signs in with it. */
    CURRENT,
    /** Expired: the user must set a new password at sign-in before doing anything else. */
    EXPIRED,
    /** Expired under {@code HardExpiry}: only an administrator can set a new one ({@code UpdateLoginProfile}). */
    EXPIRED_ADMIN_RESET_REQUIRED;

    /** Whether the password can no longer be used to sign in as it is. */
    public boolean expired() {
        return this != CURRENT;
    }

    /**
     * Whether the policy lets the user set a new password themselves; permission to call {@code ChangePassword}
     * ({@code AllowUsersToChangePassword} or an IAM policy) is checked separately.
     */
    public boolean userMayChangePassword() {
        return this != EXPIRED_ADMIN_RESET_REQUIRED;
    }
}
