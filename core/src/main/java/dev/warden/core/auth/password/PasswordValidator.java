package dev.warden.core.auth.password;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Checks a candidate password (for {@code CreateLoginProfile}, {@code UpdateLoginProfile} and {@code ChangePassword})
 * against the account's custom policy, or against AWS's default policy when the account has none, and reports every
 * rule it breaks. Never keeps, logs or quotes the password. Thread-safe.
 */
public final class PasswordValidator {

    /** The minimum length of AWS's default password policy. */
    public static final int DEFAULT_POLICY_MINIMUM_LENGTH = 8;

    /** The longest password IAM accepts, under any policy. */
    public static final int MAXIMUM_LENGTH = PasswordPolicy.MINIMUM_LENGTH_HIGHEST;

    private final PasswordHasher hasher;

    /** A validator that checks reuse with {@code hasher} (any hasher verifies hashes of any iteration count). */
    public PasswordValidator(PasswordHasher hasher) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /**
     * {@code candidate} against the account's custom {@code policy}: length, each required character type, and reuse of
     * the last {@code passwordReusePrevention} passwords.
     *
     * @param previousHashes the user's password hashes, newest first, the current one included (as stored by the
     *     directory); only the first {@code passwordReusePrevention} are looked at, each costing one PBKDF2 derivation
     */
    public PasswordCheck check(PasswordPolicy policy, char[] candidate, List<String> previousHashes) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(previousHashes, "previousHashes");
        List<PasswordViolation> violations = new ArrayList<>();
        length(violations, candidate, policy.minimumPasswordLength());
        require(violations, candidate, policy.requireUppercaseCharacters(), CharacterClass.UPPERCASE,
                PasswordRule.UPPERCASE, "Password should have at least one uppercase letter");
        require(violations, candidate, policy.requireLowercaseCharacters(), CharacterClass.LOWERCASE,
                PasswordRule.LOWERCASE, "Password should have at least one lowercase letter");
        require(violations, candidate, policy.requireNumbers(), CharacterClass.NUMBER, PasswordRule.NUMBER,
                "Password should have at least one number");
        require(violations, candidate, policy.requireSymbols(), CharacterClass.SYMBOL, PasswordRule.SYMBOL,
                "Password should have at least one symbol");
        int remembered = Math.min(policy.passwordReusePrevention(), previousHashes.size());
        for (String previous : previousHashes.subList(0, remembered)) {
            if (hasher.verify(candidate, previous)) {
                violations.add(new PasswordViolation(PasswordRule.REUSE, "Password should not be one of your previous "
                        + policy.passwordReusePrevention() + " passwords"));
                break;
            }
        }
        return new PasswordCheck(violations);
    }

    /**
     * {@code candidate} against AWS's default password policy, which applies while the account has no custom one: at
     * least 8 and at most 128 characters, at least three of uppercase letters, lowercase letters, numbers and symbols,
     * and not identical to the account's name or email address.
     *
     * @param accountNamesAndEmails what the password must not be identical to (case-sensitive); {@code null} entries
     *     are ignored
     */
    public PasswordCheck checkDefault(char[] candidate, Collection<String> accountNamesAndEmails) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(accountNamesAndEmails, "accountNamesAndEmails");
        List<PasswordViolation> violations = new ArrayList<>();
        length(violations, candidate, DEFAULT_POLICY_MINIMUM_LENGTH);
        int types = 0;
        for (CharacterClass type : CharacterClass.values()) {
            types += type.anyIn(candidate) ? 1 : 0;
        }
        if (types < 3) {
            violations.add(new PasswordViolation(PasswordRule.CHARACTER_TYPES, "Password should have at least three of "
                    + "the following: uppercase letters, lowercase letters, numbers and symbols"));
        }
        for (String name : accountNamesAndEmails) {
            if (name != null && identical(candidate, name)) {
                violations.add(new PasswordViolation(PasswordRule.ACCOUNT_NAME_OR_EMAIL,
                        "Password should not be identical to your account name or email address"));
                break;
            }
        }
        return new PasswordCheck(violations);
    }

    private static void length(List<PasswordViolation> violations, char[] candidate, int minimum) {
        // characters as people count them: a letter outside the BMP is one, not two
        int length = Character.codePointCount(candidate, 0, candidate.length);
        if (length < minimum) {
            violations.add(new PasswordViolation(PasswordRule.MINIMUM_LENGTH,
                    "Password should have a minimum length of " + minimum));
        } else if (length > MAXIMUM_LENGTH) {
            violations.add(new PasswordViolation(PasswordRule.MAXIMUM_LENGTH,
                    "Password should have a maximum length of " + MAXIMUM_LENGTH));
        }
    }

    private static void require(List<PasswordViolation> violations, char[] candidate, boolean required,
            CharacterClass type, PasswordRule rule, String message) {
        if (required && !type.anyIn(candidate)) {
            violations.add(new PasswordViolation(rule, message));
        }
    }

    private static boolean identical(char[] candidate, String name) {
        if (candidate.length != name.length()) {
            return false;
        }
        for (int i = 0; i < candidate.length; i++) {
            if (candidate[i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "PasswordValidator[" + hasher + "]";
    }
}
