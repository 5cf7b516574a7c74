package dev.warden.core.auth.password;

import java.util.ArrayList;
import java.util.List;

/**
 * An account's custom password policy, with the fields, ranges and defaults of IAM's
 * {@code UpdateAccountPasswordPolicy}. An account without one follows AWS's default policy instead (see
 * {@link PasswordValidator#checkDefault}), which is not expressible with these fields.
 *
 * <p>Zero means "not set" where AWS leaves a field out: {@code maxPasswordAge} 0 is passwords that never expire
 * ({@code ExpirePasswords} false), {@code passwordReusePrevention} 0 is no reuse prevention. A value out of range is an
 * {@link IllegalArgumentException} whose message is AWS's {@code ValidationError} message, every violated range
 * listed, e.g. {@code 1 validation error detected: Value '200' at 'minimumPasswordLength' failed to satisfy constraint:
 * Member must have value less than or equal to 128}.
 *
 * @param minimumPasswordLength 6 to 128
 * @param requireSymbols at least one of {@code ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '}
 * @param requireNumbers at least one of 0 to 9
 * @param requireUppercaseCharacters at least one of A to Z
 * @param requireLowercaseCharacters at least one of a to z
 * @param allowUsersToChangePassword users may change their own password ({@code iam:ChangePassword} on themselves)
 * @param maxPasswordAge days a password is valid, 1 to 1,095; 0 if passwords never expire
 * @param passwordReusePrevention how many previous passwords cannot be used again, 1 to 24; 0 if reuse is allowed
 * @param hardExpiry an expired password can be reset only by an administrator, not changed by its user
 */
public record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
        boolean requireUppercaseCharacters, boolean requireLowercaseCharacters, boolean allowUsersToChangePassword,
        int maxPasswordAge, int passwordReusePrevention, boolean hardExpiry) {

    /** AWS's bounds of {@code MinimumPasswordLength}. */
    public static final int MINIMUM_LENGTH_LOWEST = 6;
    /** AWS's upper bound of {@code MinimumPasswordLength}, also the longest password IAM accepts. */
    public static final int MINIMUM_LENGTH_HIGHEST = 128;
    /** AWS's upper bound of {@code MaxPasswordAge}, days. */
    public static final int MAX_PASSWORD_AGE_HIGHEST = 1095;
    /** AWS's upper bound of {@code PasswordReusePrevention}. */
    public static final int PASSWORD_REUSE_PREVENTION_HIGHEST = 24;

    /** {@code MinimumPasswordLength} when {@code UpdateAccountPasswordPolicy} does not give it. */
    public static final int DEFAULT_MINIMUM_LENGTH = 6;

    /** @throws IllegalArgumentException with AWS's validation message if a value is out of range */
    public PasswordPolicy {
        List<String> errors = new ArrayList<>();
        range(errors, "minimumPasswordLength", minimumPasswordLength, MINIMUM_LENGTH_LOWEST, MINIMUM_LENGTH_HIGHEST);
        if (passwordReusePrevention != 0) {
            range(errors, "passwordReusePrevention", passwordReusePrevention, 1, PASSWORD_REUSE_PREVENTION_HIGHEST);
        }
        if (maxPasswordAge != 0) {
            range(errors, "maxPasswordAge", maxPasswordAge, 1, MAX_PASSWORD_AGE_HIGHEST);
        }
        throwIfAny(errors);
    }

    /** Whether passwords expire: AWS's {@code ExpirePasswords}, true when {@code maxPasswordAge} is set. */
    public boolean expirePasswords() {
        return maxPasswordAge > 0;
    }

    /** A builder with {@code UpdateAccountPasswordPolicy}'s defaults: what the operation sets for an omitted field. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a policy as {@code UpdateAccountPasswordPolicy} does: a field not given takes AWS's default (length 6,
     * everything else false or unset); a given field must be in AWS's range, so an explicit 0 for
     * {@code maxPasswordAge} or {@code passwordReusePrevention} is an error, as it is for AWS ("to invoke the default
     * value, do not include that parameter"). Call a setter only for the parameters the request has.
     */
    public static final class Builder {
        private Integer minimumPasswordLength;
        private boolean requireSymbols;
        private boolean requireNumbers;
        private boolean requireUppercaseCharacters;
        private boolean requireLowercaseCharacters;
        private boolean allowUsersToChangePassword;
        private Integer maxPasswordAge;
        private Integer passwordReusePrevention;
        private boolean hardExpiry;

        private Builder() {
        }

        /** {@code MinimumPasswordLength}, 6 to 128. */
        public Builder minimumPasswordLength(int value) {
            minimumPasswordLength = value;
            return this;
        }

        /** {@code RequireSymbols}. */
        public Builder requireSymbols(boolean value) {
            requireSymbols = value;
            return this;
        }

        /** {@code RequireNumbers}. */
        public Builder requireNumbers(boolean value) {
            requireNumbers = value;
            return this;
        }

        /** {@code RequireUppercaseCharacters}. */
        public Builder requireUppercaseCharacters(boolean value) {
            requireUppercaseCharacters = value;
            return this;
        }

        /** {@code RequireLowercaseCharacters}. */
        public Builder requireLowercaseCharacters(boolean value) {
            requireLowercaseCharacters = value;
            return this;
        }

        /** {@code AllowUsersToChangePassword}. */
        public Builder allowUsersToChangePassword(boolean value) {
            allowUsersToChangePassword = value;
            return this;
        }

        /** {@code MaxPasswordAge}, 1 to 1,095 days. */
        public Builder maxPasswordAge(int days) {
            maxPasswordAge = days;
            return this;
        }

        /** {@code PasswordReusePrevention}, 1 to 24. */
        public Builder passwordReusePrevention(int count) {
            passwordReusePrevention = count;
            return this;
        }

        /** {@code HardExpiry}. */
        public Builder hardExpiry(boolean value) {
            hardExpiry = value;
            return this;
        }

        /** @throws IllegalArgumentException with AWS's validation message, listing every value out of range */
        public PasswordPolicy build() {
            List<String> errors = new ArrayList<>();
            int length = minimumPasswordLength == null ? DEFAULT_MINIMUM_LENGTH : minimumPasswordLength;
            range(errors, "minimumPasswordLength", length, MINIMUM_LENGTH_LOWEST, MINIMUM_LENGTH_HIGHEST);
            if (passwordReusePrevention != null) {
                range(errors, "passwordReusePrevention", passwordReusePrevention, 1, PASSWORD_REUSE_PREVENTION_HIGHEST);
            }
            if (maxPasswordAge != null) {
                range(errors, "maxPasswordAge", maxPasswordAge, 1, MAX_PASSWORD_AGE_HIGHEST);
            }
            throwIfAny(errors);
            return new PasswordPolicy(length, requireSymbols, requireNumbers, requireUppercaseCharacters,
                    requireLowercaseCharacters, allowUsersToChangePassword, maxPasswordAge == null ? 0 : maxPasswordAge,
                    passwordReusePrevention == null ? 0 : passwordReusePrevention, hardExpiry);
        }
    }

    private static void range(List<String> errors, String field, int value, int lowest, int highest) {
        if (value < lowest) {
            errors.add("Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must have value greater than or equal to " + lowest);
        } else if (value > highest) {
            errors.add("Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + highest);
        }
    }

    private static void throwIfAny(List<String> errors) {
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.size() + " validation error" + (errors.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", errors));
        }
    }
}
