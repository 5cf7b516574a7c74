package dev.warden.core.auth.password;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of checking a candidate password: every rule it breaks, in the policy's order (length, character
 * types, then reuse), or none.
 *
 * @param violations the broken rules; empty if the password is acceptable
 */
public record PasswordCheck(List<PasswordViolation> violations) {

    /** The sentence AWS answers {@code PasswordPolicyViolation} with. */
    public static final String AWS_MESSAGE = "Password does not conform to the account password policy.";

    public PasswordCheck {
        violations = List.copyOf(violations);
    }

    /** Whether the password breaks no rule. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** The broken rules, without their sentences. */
    public List<PasswordRule> rules() {
        return violations.stream().map(PasswordViolation::rule).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The {@code PasswordPolicyViolation} message: AWS's sentence, then each broken rule's, separated by {@code "; "}
     * (e.g. {@code Password does not conform to the account password policy. Password should have a minimum length of
     * 14; Password should have at least one number}), so a client that looks for AWS's sentence still finds it.
     * Empty if the password passed.
     */
    public String message() {
        if (passed()) {
            return "";
        }
        return AWS_MESSAGE + " " + violations.stream().map(PasswordViolation::message).collect(Collectors.joining("; "));
    }
}
