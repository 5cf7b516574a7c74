package dev.warden.core.auth.password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a password expires under the account's policy, and whether it has: it is valid for {@code MaxPasswordAge} days
 * of 24 hours from when it was last set, and expired from that instant on. Setting a new password starts the period
 * over. An account without a custom policy, or with no {@code MaxPasswordAge}, has passwords that never expire. As
 * with AWS, a new {@code MaxPasswordAge} applies at once to existing passwords: this is computed on every call, never
 * stored.
 */
public final class PasswordExpiry {

    private final Clock clock;

    /** Expiry against {@code clock}'s now. */
    public PasswordExpiry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * When the password set at {@code passwordLastChanged} expires under {@code policy} ({@code null}: the account has
     * no custom policy); empty if it never does.
     */
    public Optional<Instant> expiresAt(PasswordPolicy policy, Instant passwordLastChanged) {
        Objects.requireNonNull(passwordLastChanged, "passwordLastChanged");
        if (policy == null || !policy.expirePasswords()) {
            return Optional.empty();
        }
        return Optional.of(passwordLastChanged.plus(Duration.ofDays(policy.maxPasswordAge())));
    }

    /** The status now of the password set at {@code passwordLastChanged} under {@code policy} ({@code null}: none). */
    public PasswordStatus status(PasswordPolicy policy, Instant passwordLastChanged) {
        Optional<Instant> expiry = expiresAt(policy, passwordLastChanged);
        if (expiry.isEmpty() || clock.instant().isBefore(expiry.get())) {
            return PasswordStatus.CURRENT;
        }
        return policy.hardExpiry() ? PasswordStatus.EXPIRED_ADMIN_RESET_REQUIRED : PasswordStatus.EXPIRED;
    }
}
