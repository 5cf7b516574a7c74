package dev.warden.core.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with one {@link Mac} per thread: looking one up costs more than signing a string to sign. */
final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    /**
     * A thread's {@link Mac} and the key it was last initialised with. Initialising costs two SHA-256 blocks and a
     * copy of the key, and a warm verification signs with the same cached key array again and again; after
     * {@link Mac#doFinal} a Mac is ready for the same key.
     */
    private static final class KeyedMac {
        private final Mac mac;
        private byte[] key;

        KeyedMac() {
            try {
                this.mac = Mac.getInstance(ALGORITHM);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        }

        Mac keyedWith(byte[] newKey) {
            if (newKey != key) {
                try {
                    mac.init(new SecretKeySpec(newKey, ALGORITHM));
                } catch (InvalidKeyException e) {
                    throw new IllegalStateException("HmacSHA256 refused a key", e);
                }
                key = newKey;
            }
            return mac;
        }
    }

    private static final ThreadLocal<KeyedMac> MAC = ThreadLocal.withInitial(KeyedMac::new);

    private HmacSha256() {
    }

    /** The MAC of {@code data} under {@code key}; the key array must not change after it is first used. */
    static byte[] sign(byte[] key, byte[] data) {
        return MAC.get().keyedWith(key).doFinal(data);
    }

    static byte[] sign(byte[] key, String data) {
        return sign(key, data.getBytes(StandardCharsets.UTF_8));
    }
}
