package dev.warden.core.auth.mfa;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * RFC 6238 TOTP: HOTP whose counter is the number of whole time steps since the Unix epoch. {@link #AWS} has the
 * parameters of AWS virtual MFA devices (HMAC-SHA-1, 6 digits, 30-second steps). Thread-safe.
 */
public final class Totp {

    /** AWS virtual MFA devices: HMAC-SHA-1, 6 digits, 30-second steps. */
    public static final Totp AWS = new Totp(OtpAlgorithm.SHA1, 6, Duration.ofSeconds(30));

    /** The length of the seeds AWS generates for virtual MFA devices: 40 bytes, 64 Base32 characters. */
    public static final int AWS_SEED_BYTES = 40;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Hotp hotp;
    private final long stepSeconds;

    /**
     * TOTP with {@code algorithm}, {@code digits} (6 to 8) and time steps of {@code step} (whole seconds).
     *
     * @throws IllegalArgumentException if {@code digits} is out of range or {@code step} is not a positive number of
     *     whole seconds
     */
    public Totp(OtpAlgorithm algorithm, int digits, Duration step) {
        this.hotp = new Hotp(algorithm, digits);
        Objects.requireNonNull(step, "step");
        if (step.isNegative() || step.isZero() || step.getNano() != 0) {
            throw new IllegalArgumentException("TOTP time step must be a positive number of whole seconds, got " + step);
        }
        this.stepSeconds = step.getSeconds();
    }

    /** A new random seed of AWS's length ({@value #AWS_SEED_BYTES} bytes), from {@link SecureRandom}. */
    public static byte[] newSeed() {
        byte[] seed = new byte[AWS_SEED_BYTES];
        RANDOM.nextBytes(seed);
        return seed;
    }

    /** The time step {@code time} falls in (RFC 6238's T, with T0 = the epoch). */
    public long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), stepSeconds);
    }

    /** The code of time step {@code step} under {@code seed}. */
    public String generate(byte[] seed, long step) {
        return hotp.generate(seed, step);
    }

    /** The code at {@code time} under {@code seed}. */
    public String generate(byte[] seed, Instant time) {
        return hotp.generate(seed, step(time));
    }

    /** The number of digits of a code. */
    public int digits() {
        return hotp.digits();
    }

    /** The length of a time step. */
    public Duration stepDuration() {
        return Duration.ofSeconds(stepSeconds);
    }

    @Override
    public String toString() {
        return "Totp[" + hotp.algorithm() + ", " + hotp.digits() + " digits, " + stepSeconds + " s]";
    }
}
