package dev.warden.core.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 with one digest per thread: {@link MessageDigest#getInstance} costs more than hashing a request. */
final class Sha256 {

    /** The hash of nothing, which SigV4 writes for an empty body and in every chunk's string to sign. */
    static final String EMPTY_HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    static final int LENGTH = 32;

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    static byte[] hash(byte[] data, int offset, int length) {
        MessageDigest digest = DIGEST.get();
        digest.update(data, offset, length);
        return digest.digest();
    }

    static byte[] hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    static String hex(byte[] data, int offset, int length) {
        return Hex.encode(hash(data, offset, length));
    }

    static String hex(String text) {
        return Hex.encode(hash(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A digest of its own, for hashing a stream as it is read. */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
