package dev.warden.core.auth;

/**
 * What an access key id stands for, as far as checking a signature needs it: the key id and its secret. Implemented by
 * long-term keys from the directory and by STS session credentials; implementations never show the secret in
 * {@code toString()}.
 */
public interface SigningCredential {

    /** {@code AKIA...} for a long-term key, {@code ASIA...} for temporary credentials. */
    String accessKeyId();

    /** The 40-character secret access key that signatures are computed with. Never logged. */
    String secretAccessKey();

    /** A new secret access key as AWS forms them: 30 random bytes, 40 characters of base64. */
    static String newSecretAccessKey() {
        byte[] bytes = new byte[30];
        Secrets.RANDOM.nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    /** Holds the random source out of the interface's public surface. */
    final class Secrets {
        private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

        private Secrets() {
        }
    }
}
