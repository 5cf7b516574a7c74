package dev.warden.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

/**
 * Seals secrets for storage with AES-256-GCM under the {@link MasterKey}: {@code v1:} and base64 of a random 96-bit
 * nonce followed by the ciphertext and its tag. The secret is bound to what it belongs to (its context, e.g. the
 * access key id), so a sealed secret copied to another key does not open. Thread-safe.
 */
public final class SecretSealer {

    private static final String PREFIX = "v1:";

    private final MasterKey key;

    public SecretSealer(MasterKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** {@code secret} sealed and bound to {@code context}. */
    public String seal(String secret, String context) {
        return PREFIX + Base64.getEncoder().encodeToString(AesGcm.seal(key.key(),
                context.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The secret in {@code sealed}.
     *
     * @throws SealedSecretException if it was not sealed under this key for {@code context}, or is damaged (the message
     *     says which, never what the secret is)
     */
    public String unseal(String sealed, String context) throws SealedSecretException {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new SealedSecretException("sealed secret of " + context + " has an unknown format");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SealedSecretException("sealed secret of " + context + " is not base64");
        }
        if (bytes.length <= AesGcm.NONCE) {
            throw new SealedSecretException("sealed secret of " + context + " is truncated");
        }
        try {
            return new String(AesGcm.open(key.key(), context.getBytes(StandardCharsets.UTF_8), bytes),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SealedSecretException("sealed secret of " + context
                    + " does not open with this master key (wrong key, or tampered with)");
        }
    }

    /** A secret that cannot be unsealed; the message names what it belongs to, never the secret. */
    public static final class SealedSecretException extends Exception {
        private static final long serialVersionUID = 1L;

        SealedSecretException(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public String toString() {
        return "SecretSealer[AES-256-GCM]";
    }
}
