package dev.warden.core.auth.password;

/** A rule of a password policy that a candidate password can break. */
public enum PasswordRule {
    /** Shorter than the policy's minimum length (8 under AWS's default policy). */
    MINIMUM_LENGTH,
    /** Longer than the 128 characters IAM accepts. */
    MAXIMUM_LENGTH,
    /** No uppercase letter A to Z. */
    UPPERCASE,
    /** No lowercase letter a to z. */
    LOWERCASE,
    /** No digit 0 to 9. */
    NUMBER,
    /** None of IAM's symbols. */
    SYMBOL,
    /** AWS's default policy: fewer than three of uppercase, lowercase, numbers and symbols. */
    CHARACTER_TYPES,
    /** AWS's default policy: the password is the account's name or email address. */
    ACCOUNT_NAME_OR_EMAIL,
    /** The password is one of the user's previous passwords within the policy's reuse prevention. */
    REUSE
}
