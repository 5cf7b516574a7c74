package dev.warden.core.auth.password;

import java.util.Objects;

/**
 * One broken rule, with its sentence in the style of IAM's {@code PasswordPolicyViolation} details, e.g.
 * {@code Password should have at least one uppercase letter}. The sentence never contains the password.
 *
 * @param rule the rule
 * @param message what the password should have been
 */
public record PasswordViolation(PasswordRule rule, String message) {

    public PasswordViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
