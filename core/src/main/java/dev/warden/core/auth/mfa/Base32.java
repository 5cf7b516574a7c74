package dev.warden.core.auth.mfa;

import java.util.Arrays;
import java.util.Objects;

/**
 * RFC 4648 Base32 (alphabet {@code A-Z2-7}), the encoding of TOTP seeds in AWS's {@code Base32StringSeed} and in
 * {@code otpauth://} URIs. Encoding writes no padding, as authenticator apps expect (a 40-byte AWS seed is 64
 * characters); decoding takes upper or lower case, with or without padding, and refuses anything that is not a
 * canonical encoding. Error messages never quote the input: it is a secret.
 */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
            VALUES[Character.toLowerCase(ALPHABET[i])] = i;
        }
    }

    private Base32() {
    }

    /** {@code data} in Base32, without padding. */
    public static String encode(byte[] data) {
        Objects.requireNonNull(data, "data");
        StringBuilder text = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                text.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return text.toString();
    }

    /**
     * The bytes {@code text} encodes.
     *
     * @throws IllegalArgumentException if {@code text} has a character outside the alphabet, misplaced or wrong
     *     padding, a length no encoding has, or non-zero unused bits; the message says which, never what the text is
     */
    public static byte[] decode(CharSequence text) {
        Objects.requireNonNull(text, "text");
        int length = text.length();
        int padding = 0;
        while (padding < length && text.charAt(length - 1 - padding) == '=') {
            padding++;
        }
        int symbols = length - padding;
        for (int i = 0; i < symbols; i++) {
            char c = text.charAt(i);
            if (c >= 128 || VALUES[c] < 0) {
                throw new IllegalArgumentException("Base32 text has a character outside A-Z and 2-7 at position " + i);
            }
        }
        // 5 bits per symbol; a last group of 1, 3 or 6 symbols cannot be whole bytes
        int rest = symbols % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new IllegalArgumentException("Base32 text has a length no encoding has (" + symbols + " symbols)");
        }
        if (padding > 0 && (length % 8 != 0 || padding != paddingFor(symbols))) {
            throw new IllegalArgumentException("Base32 text has wrong padding");
        }
        byte[] out = new byte[symbols * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int next = 0;
        for (int i = 0; i < symbols; i++) {
            buffer = (buffer << 5) | VALUES[text.charAt(i)];
            bits += 5;
            if (bits >= 8) {
                out[next++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("Base32 text is not canonical (unused bits are not zero)");
        }
        return out;
    }

    private static int paddingFor(int symbols) {
        return switch (symbols % 8) {
            case 2 -> 6;
            case 4 -> 4;
            case 5 -> 3;
            case 7 -> 1;
            default -> 0;
        };
    }
}
