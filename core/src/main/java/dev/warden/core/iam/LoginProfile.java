package dev.warden.core.iam;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user's console password: the only thing Warden keeps of it is a salted, slow hash.
 *
 * @param passwordHash the hash ({@link dev.warden.core.auth.password.PasswordHasher}'s encoding)
 * @param createDate when the login profile was created
 * @param passwordLastChanged when the password was last set
 * @param passwordResetRequired whether the user must choose a new password at the next sign-in
 * @param previousPasswordHashes the hashes of earlier passwords, newest first (for reuse prevention; at most 24)
 */
public record LoginProfile(String passwordHash, Instant createDate, Instant passwordLastChanged,
                           boolean passwordResetRequired, List<String> previousPasswordHashes) {

    public LoginProfile {
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(passwordLastChanged, "passwordLastChanged");
        previousPasswordHashes = List.copyOf(previousPasswordHashes);
    }

    @Override
    public String toString() {
        return "LoginProfile[created " + createDate + ", changed " + passwordLastChanged
                + (passwordResetRequired ? ", reset required" : "") + "]";
    }
}
