package dev.warden.core.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM as every sealed thing in Warden uses it: a random 96-bit nonce, a 128-bit tag, the nonce in front of the
 * ciphertext, and authenticated data that binds the sealed bytes to what they belong to.
 */
public final class AesGcm {

    /** Bytes of nonce in front of every sealed text. */
    public static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    /** {@code nonce | ciphertext | tag} of {@code plaintext} under {@code key}, bound to {@code aad}. */
    public static byte[] seal(SecretKey key, byte[] aad, byte[] plaintext) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plaintext of {@code sealed} (as {@link #seal} made it).
     *
     * @throws GeneralSecurityException when it was sealed under another key or for other data, or was changed
     */
    public static byte[] open(SecretKey key, byte[] aad, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length <= NONCE) {
            throw new javax.crypto.AEADBadTagException("sealed text is truncated");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    }
}
