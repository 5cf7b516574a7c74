package dev.warden.core.auth.mfa;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 4226 HOTP: the HMAC of an 8-byte big-endian counter under the shared key, dynamically truncated to 31 bits and
 * reduced to {@code digits} decimal digits. TOTP is HOTP with the time step as counter. Thread-safe.
 */
public final class Hotp {

    /** RFC 4226's minimum key length (128 bits); 160 bits are recommended, AWS uses 320. */
    public static final int MINIMUM_KEY_BYTES = 16;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final OtpAlgorithm algorithm;
    private final int digits;

    /**
     * HOTP with {@code algorithm} and {@code digits} (6 to 8).
     *
     * @throws IllegalArgumentException if {@code digits} is not 6, 7 or 8
     */
    public Hotp(OtpAlgorithm algorithm, int digits) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("one-time passwords have 6 to 8 digits, got " + digits);
        }
        this.digits = digits;
    }

    /** The number of digits of a code. */
    public int digits() {
        return digits;
    }

    /** The HMAC algorithm. */
    public OtpAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * The code for {@code counter} under {@code key}, zero-padded to {@link #digits()} characters.
     *
     * @throws IllegalArgumentException if {@code key} is shorter than {@value #MINIMUM_KEY_BYTES} bytes (never says
     *     more about the key than its length)
     */
    public String generate(byte[] key, long counter) {
        return format(truncate(mac(key, counter)));
    }

    private int truncate(byte[] hmac) {
        int offset = hmac[hmac.length - 1] & 0x0f;
        int binary = (hmac[offset] & 0x7f) << 24 | (hmac[offset + 1] & 0xff) << 16 | (hmac[offset + 2] & 0xff) << 8
                | (hmac[offset + 3] & 0xff);
        return binary % POWERS[digits];
    }

    private String format(int code) {
        char[] text = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            text[i] = (char) ('0' + code % 10);
            code /= 10;
        }
        return new String(text);
    }

    private byte[] mac(byte[] key, long counter) {
        Objects.requireNonNull(key, "key");
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("one-time password key must have at least " + MINIMUM_KEY_BYTES
                    + " bytes, has " + key.length);
        }
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(key, algorithm.macName()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.macName() + " is not available", e);
        }
    }

    @Override
    public String toString() {
        return "Hotp[" + algorithm + ", " + digits + " digits]";
    }
}
