package dev.warden.core.auth.password;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * One stored password hash, {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in standard base64, written
 * without padding, read with or without), taken apart or put together. Parse errors say which part is wrong and never
 * quote any part: a mistyped store could hold a plain password where the hash belongs.
 */
final class EncodedPasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    static final int MINIMUM_SALT_BYTES = 16;
    static final int MAXIMUM_SALT_BYTES = 64;
    static final int MINIMUM_HASH_BYTES = 32;
    static final int MAXIMUM_HASH_BYTES = 64;

    private static final char SEPARATOR = '$';

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    EncodedPasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    int iterations() {
        return iterations;
    }

    byte[] salt() {
        return salt.clone();
    }

    int saltLength() {
        return salt.length;
    }

    int hashLength() {
        return hash.length;
    }

    /** Whether {@code candidate} is this hash; in time that depends only on the lengths. */
    boolean matches(byte[] candidate) {
        return MessageDigest.isEqual(hash, candidate);
    }

    String format() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + SEPARATOR + iterations + SEPARATOR + base64.encodeToString(salt) + SEPARATOR
                + base64.encodeToString(hash);
    }

    /**
     * The parts of {@code encoded}.
     *
     * @throws IllegalArgumentException naming the part that is wrong, never quoting it
     */
    static EncodedPasswordHash parse(String encoded) {
        if (encoded == null) {
            throw new IllegalArgumentException("password hash is missing");
        }
        String[] fields = encoded.split("\\$", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException("password hash is not 4 fields separated by '$' (" + SCHEME
                    + "$iterations$salt$key): it has " + fields.length);
        }
        if (!fields[0].equals(SCHEME)) {
            throw new IllegalArgumentException("password hash does not use the " + SCHEME + " scheme");
        }
        int iterations = iterations(fields[1]);
        byte[] salt = base64(fields[2], "salt");
        if (salt.length < MINIMUM_SALT_BYTES || salt.length > MAXIMUM_SALT_BYTES) {
            throw new IllegalArgumentException("password hash salt has " + salt.length + " bytes, expected "
                    + MINIMUM_SALT_BYTES + " to " + MAXIMUM_SALT_BYTES);
        }
        byte[] hash = base64(fields[3], "key");
        if (hash.length < MINIMUM_HASH_BYTES || hash.length > MAXIMUM_HASH_BYTES) {
            Arrays.fill(hash, (byte) 0);
            throw new IllegalArgumentException("password hash key has " + hash.length + " bytes, expected "
                    + MINIMUM_HASH_BYTES + " to " + MAXIMUM_HASH_BYTES);
        }
        return new EncodedPasswordHash(iterations, salt, hash);
    }

    private static int iterations(String field) {
        // canonical decimal only: no sign, no leading zero, no more digits than the maximum has
        boolean digits = !field.isEmpty() && field.length() <= 8 && field.charAt(0) != '0'
                && field.chars().allMatch(c -> c >= '0' && c <= '9');
        int value = digits ? Integer.parseInt(field) : -1;
        if (value < 1 || value > PasswordHasher.MAXIMUM_ITERATIONS) {
            throw new IllegalArgumentException("password hash iteration count is not a whole number from 1 to "
                    + PasswordHasher.MAXIMUM_ITERATIONS);
        }
        return value;
    }

    private static byte[] base64(String field, String part) {
        try {
            return Base64.getDecoder().decode(field);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("password hash " + part + " is not base64");
        }
    }

    @Override
    public String toString() {
        return "EncodedPasswordHash[" + SCHEME + ", " + iterations + " iterations]";
    }
}
