package dev.warden.core.auth.password;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Stored hashes made with a low iteration count, straight from the JDK, so tests that need many of them (reuse
 * prevention) do not pay 600,000 iterations each. They are valid encodings: verification uses their own count.
 */
final class CheapHashes {

    static final int ITERATIONS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CheapHashes() {
    }

    static String of(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
            return "pbkdf2-sha256$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
