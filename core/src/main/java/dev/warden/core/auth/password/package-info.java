/**
 * Console passwords of IAM users: hashing ({@link dev.warden.core.auth.password.PasswordHasher}, PBKDF2-HMAC-SHA256 at
 * OWASP's iteration count in a self-describing encoding), the account password policy with IAM's fields, ranges and
 * validation messages ({@link dev.warden.core.auth.password.PasswordPolicy}), checking a candidate password against it
 * or against AWS's default policy, reuse included ({@link dev.warden.core.auth.password.PasswordValidator}), and
 * expiry ({@link dev.warden.core.auth.password.PasswordExpiry}).
 *
 * <p>Everything here is a pure function of values and a {@link java.time.Clock}: login profiles, password history and
 * the account's policy are stored by the directory, which calls these. Passwords travel as {@code char[]} and never
 * appear in a message, a log line or a {@code toString}.
 */
package dev.warden.core.auth.password;
