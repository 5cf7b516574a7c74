package dev.warden.core.auth.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Checks codes from a virtual MFA device against its seed and the clock, and keeps each code single-use.
 *
 * <p>The only state is the device's <em>last used time step</em>, kept by the caller (the directory, next to the
 * sealed seed): each check takes it and, on success, returns the new one to store. A code is accepted only for a step
 * after the last used one, so a code that was accepted once is never accepted again, and neither is an older code
 * once a newer one was used (RFC 6238 §5.2). Store the returned step with a compare-and-swap so two concurrent sign-ins
 * with the same code cannot both win.
 *
 * <ul>
 *   <li>Sign-in ({@link #verify}): the code of the current step, or of the {@code driftSteps} steps either side
 *       (default 1: ±30 seconds for a device or server clock that is slightly off).
 *   <li>{@code EnableMFADevice} and {@code ResyncMFADevice} ({@link #verifyConsecutive}): two codes of consecutive
 *       steps, the second within {@code syncWindowSteps} steps of now (default 10: ±5 minutes). AWS documents that
 *       it asks for two consecutive codes and that codes submitted "too long" after they were generated leave the
 *       device enabled but out of sync, without saying how long; Warden's window covers reading and typing two codes
 *       and a slow submission. Two 6-digit codes match by chance with probability 10<sup>-12</sup> per pair of steps,
 *       so the wider window costs nothing measurable. The second code's step becomes the last used one: neither code
 *       can then be used to sign in. Warden keeps no per-device clock offset, so a device whose clock is off by more
 *       than {@code driftSteps} steps can be enabled but then fails at sign-in, as AWS warns for its own devices.
 * </ul>
 *
 * <p>Malformed codes (not exactly {@code digits} ASCII digits) are rejected, never an exception; codes are compared
 * in constant time and every step of the window is computed whatever matches. Seeds are never logged or printed.
 * Thread-safe.
 */
public final class TotpVerifier {

    /**
     * The last used step of a device that has never accepted a code. Any value below today's steps means the same, so a
     * store may keep 0 instead (the step of 1970-01-01T00:00:00Z).
     */
    public static final long NEVER_USED = Long.MIN_VALUE;

    /** Steps accepted either side of now at sign-in. */
    public static final int DEFAULT_DRIFT_STEPS = 1;

    /** Steps either side of now within which the second of two consecutive codes is accepted. */
    public static final int DEFAULT_SYNC_WINDOW_STEPS = 10;

    private final Totp totp;
    private final Clock clock;
    private final int driftSteps;
    private final int syncWindowSteps;

    /** AWS's TOTP parameters, ±1 step at sign-in, ±10 steps for two consecutive codes. */
    public TotpVerifier(Clock clock) {
        this(Totp.AWS, clock, DEFAULT_DRIFT_STEPS, DEFAULT_SYNC_WINDOW_STEPS);
    }

    /**
     * A verifier of {@code totp} codes against {@code clock}.
     *
     * @param driftSteps steps accepted either side of now at sign-in, 0 to 10
     * @param syncWindowSteps steps either side of now for the second of two consecutive codes, 1 to 100
     */
    public TotpVerifier(Totp totp, Clock clock, int driftSteps, int syncWindowSteps) {
        this.totp = Objects.requireNonNull(totp, "totp");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (driftSteps < 0 || driftSteps > 10) {
            throw new IllegalArgumentException("drift must be 0 to 10 steps, got " + driftSteps);
        }
        if (syncWindowSteps < 1 || syncWindowSteps > 100) {
            throw new IllegalArgumentException("synchronization window must be 1 to 100 steps, got " + syncWindowSteps);
        }
        this.driftSteps = driftSteps;
        this.syncWindowSteps = syncWindowSteps;
    }

    /**
     * Checks a sign-in code.
     *
     * @param seed the device's seed
     * @param code what the user typed
     * @param lastUsedStep the device's last used step, or {@link #NEVER_USED}
     * @return the step the code belongs to, to store as the device's new last used step; empty if the code is
     *     malformed, wrong, outside the window, or of a step already used
     */
    public OptionalLong verify(byte[] seed, CharSequence code, long lastUsedStep) {
        Objects.requireNonNull(seed, "seed");
        if (!wellFormed(code)) {
            return OptionalLong.empty();
        }
        byte[] given = ascii(code);
        long now = totp.step(clock.instant());
        long accepted = NEVER_USED;
        for (long step = now - driftSteps; step <= now + driftSteps; step++) {
            boolean match = MessageDigest.isEqual(ascii(totp.generate(seed, step)), given);
            if (match && step > lastUsedStep && accepted == NEVER_USED) {
                accepted = step;
            }
        }
        return accepted == NEVER_USED ? OptionalLong.empty() : OptionalLong.of(accepted);
    }

    /**
     * Checks two consecutive codes, for {@code EnableMFADevice} and {@code ResyncMFADevice}: {@code code1} of some step
     * and {@code code2} of the next, that next step within the synchronization window around now, both after the last
     * used step.
     *
     * @param lastUsedStep the device's last used step, or {@link #NEVER_USED} for a device being enabled
     * @return the step of {@code code2}, to store as the device's last used step; empty if either code is malformed
     *     or wrong, they are not consecutive (or in the wrong order), or outside the window
     */
    public OptionalLong verifyConsecutive(byte[] seed, CharSequence code1, CharSequence code2, long lastUsedStep) {
        Objects.requireNonNull(seed, "seed");
        if (!wellFormed(code1) || !wellFormed(code2)) {
            return OptionalLong.empty();
        }
        byte[] first = ascii(code1);
        byte[] second = ascii(code2);
        long now = totp.step(clock.instant());
        long lowest = now - syncWindowSteps - 1;
        int count = 2 * syncWindowSteps + 2;
        boolean[] firstMatches = new boolean[count];
        boolean[] secondMatches = new boolean[count];
        for (int i = 0; i < count; i++) {
            byte[] expected = ascii(totp.generate(seed, lowest + i));
            firstMatches[i] = MessageDigest.isEqual(expected, first);
            secondMatches[i] = MessageDigest.isEqual(expected, second);
        }
        long accepted = NEVER_USED;
        for (int i = 0; i + 1 < count; i++) {
            long step = lowest + i;
            if (firstMatches[i] && secondMatches[i + 1] && step > lastUsedStep && accepted == NEVER_USED) {
                accepted = step + 1;
            }
        }
        return accepted == NEVER_USED ? OptionalLong.empty() : OptionalLong.of(accepted);
    }

    private boolean wellFormed(CharSequence code) {
        if (code == null || code.length() != totp.digits()) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "TotpVerifier[" + totp + ", drift ±" + driftSteps + ", sync window ±" + syncWindowSteps + "]";
    }
}
