package dev.warden.core.auth.password;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and verifies passwords with PBKDF2-HMAC-SHA256 (the JDK's {@code PBKDF2WithHmacSHA256}): a 16-byte random
 * salt, a 32-byte derived key, and at least OWASP's 2023 figure of 600,000 iterations. The result describes itself,
 * {@code pbkdf2-sha256$600000$<salt>$<hash>} (base64 without padding), so a hash made with an older, lower count still
 * verifies with its own count, and {@link #needsRehash(String)} says when to replace it after the next successful
 * sign-in.
 *
 * <p>Passwords are {@code char[]}: every copy made here is wiped before returning; the caller's array is left as it
 * was, for the caller to wipe. Verification fails closed: a missing or malformed hash is {@code false}, never an
 * exception, and costs the same derivation as a real one, so timing does not tell a user without a password from one
 * with. Messages never quote a hash or a password. Thread-safe.
 */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; the lowest count this hasher can be configured with. */
    public static final int MINIMUM_ITERATIONS = 600_000;

    /**
     * The highest count accepted, configured or read from a stored hash: a stored hash cannot make one verification
     * cost more than a few seconds.
     */
    public static final int MAXIMUM_ITERATIONS = 10_000_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /** A hasher with {@value #MINIMUM_ITERATIONS} iterations. */
    public PasswordHasher() {
        this(MINIMUM_ITERATIONS);
    }

    /**
     * A hasher that makes new hashes with {@code iterations}.
     *
     * @throws IllegalArgumentException if {@code iterations} is below {@value #MINIMUM_ITERATIONS} or above
     *     {@value #MAXIMUM_ITERATIONS}
     */
    public PasswordHasher(int iterations) {
        if (iterations < MINIMUM_ITERATIONS || iterations > MAXIMUM_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be from " + MINIMUM_ITERATIONS + " to "
                    + MAXIMUM_ITERATIONS + ", got " + iterations);
        }
        this.iterations = iterations;
    }

    /** The iteration count of the hashes this hasher makes. */
    public int iterations() {
        return iterations;
    }

    /** A new hash of {@code password} with a fresh random salt, in the self-describing form above. */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] derived = derive(password, salt, iterations, HASH_BYTES);
        try {
            return new EncodedPasswordHash(iterations, salt, derived).format();
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /**
     * Whether {@code password} is the one {@code encoded} was made from, compared in constant time. {@code false} when
     * {@code encoded} is {@code null} (no password set) or malformed; never throws for either.
     */
    public boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        EncodedPasswordHash stored;
        try {
            stored = EncodedPasswordHash.parse(encoded);
        } catch (IllegalArgumentException malformed) {
            // spend what a real verification spends, so the answer's timing says nothing about why it is false
            Arrays.fill(derive(password, new byte[SALT_BYTES], iterations, HASH_BYTES), (byte) 0);
            return false;
        }
        byte[] derived = derive(password, stored.salt(), stored.iterations(), stored.hashLength());
        try {
            return stored.matches(derived);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /**
     * Whether {@code encoded} should be replaced by a new hash (made with {@link #hash(char[])} from the password that
     * just verified): it uses fewer iterations than this hasher, another salt or key length, or is malformed.
     */
    public boolean needsRehash(String encoded) {
        try {
            EncodedPasswordHash stored = EncodedPasswordHash.parse(encoded);
            return stored.iterations() < iterations || stored.saltLength() != SALT_BYTES
                    || stored.hashLength() != HASH_BYTES;
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }

    /**
     * Checks that {@code encoded} is a hash this class can verify, for whoever loads stored hashes and wants to
     * reject a damaged one with a precise reason.
     *
     * @throws IllegalArgumentException saying which part is wrong (field count, scheme, iteration count, salt or hash
     *     encoding or length), never quoting the hash
     */
    public static void checkEncoding(String encoded) {
        EncodedPasswordHash.parse(encoded);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * Byte.SIZE);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PasswordHasher[" + EncodedPasswordHash.SCHEME + ", " + iterations + " iterations]";
    }
}
