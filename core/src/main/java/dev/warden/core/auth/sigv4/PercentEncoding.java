package dev.warden.core.auth.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * SigV4's percent-encoding: every byte of the UTF-8 text except the unreserved characters of RFC 3986
 * ({@code A-Z a-z 0-9 - _ . ~}) becomes {@code %XY} with upper-case hex, and {@code /} stays as it is in paths.
 */
final class PercentEncoding {

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            UNRESERVED[c] = true;
            UNRESERVED[Character.toLowerCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        UNRESERVED['-'] = true;
        UNRESERVED['_'] = true;
        UNRESERVED['.'] = true;
        UNRESERVED['~'] = true;
    }

    private PercentEncoding() {
    }

    /** The text as SigV4 encodes it (its UTF-8 bytes), keeping {@code /} when {@code keepSlash}. */
    static String encode(String text, boolean keepSlash) {
        if (isCanonical(text, keepSlash)) {
            return text;
        }
        return encode(text.getBytes(StandardCharsets.UTF_8), keepSlash);
    }

    static String encode(byte[] bytes, boolean keepSlash) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c < 128 && UNRESERVED[c]) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * What an encoded URI component becomes in a canonical request: decoded, then encoded again with SigV4's set, so
     * {@code %7e}, {@code ~} and {@code %7E} all become {@code ~}. Clients encode differently; the bytes they mean are
     * what they signed.
     *
     * @throws MalformedEncodingException if a {@code %} is not followed by two hex digits
     */
    static String canonical(String encoded, boolean plusIsSpace, boolean keepSlash) {
        if (isCanonical(encoded, keepSlash)) {
            return encoded;
        }
        return encode(decode(encoded, plusIsSpace), keepSlash);
    }

    /** The text an encoded component stands for (UTF-8). */
    static String decodeToString(String encoded, boolean plusIsSpace) {
        if (encoded.indexOf('%') < 0 && (!plusIsSpace || encoded.indexOf('+') < 0)) {
            return encoded;
        }
        return new String(decode(encoded, plusIsSpace), StandardCharsets.UTF_8);
    }

    /**
     * The bytes an encoded component stands for: {@code %XY} escapes decoded, {@code +} read as a space when
     * {@code plusIsSpace} (HTML form encoding, as servlet containers read query strings), anything else as UTF-8.
     *
     * @throws MalformedEncodingException if a {@code %} is not followed by two hex digits
     */
    static byte[] decode(String encoded, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        int length = encoded.length();
        int i = 0;
        while (i < length) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= length) {
                    throw new MalformedEncodingException("truncated percent-escape");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedEncodingException("malformed percent-escape");
                }
                out.write((high << 4) | low);
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
                i++;
            } else if (c < 128) {
                out.write(c);
                i++;
            } else {
                int end = i + 1;
                while (end < length && encoded.charAt(end) >= 128) {
                    end++;
                }
                out.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toByteArray();
    }

    private static boolean isCanonical(String text, boolean keepSlash) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || !(UNRESERVED[c] || (keepSlash && c == '/'))) {
                return false;
            }
        }
        return true;
    }
}
