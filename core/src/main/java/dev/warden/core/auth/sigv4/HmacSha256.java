package dev.warden.core.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with one {@link Mac} per thread: looking one up costs more than signing a string to sign. */
final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    private HmacSha256() {
    }

    static byte[] sign(byte[] key, byte[] data) {
        Mac mac = MAC.get();
        try {
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 refused a key", e);
        }
        return mac.doFinal(data);
    }

    static byte[] sign(byte[] key, String data) {
        return sign(key, data.getBytes(StandardCharsets.UTF_8));
    }
}
