package dev.warden.examples.objectstore.s3;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User metadata values ({@code x-amz-meta-*}) as S3 keeps them: "character decoded as per RFC 2047 before storing
 * and encoded as per RFC 2047 to make them mail-safe before returning", a value of US-ASCII alone being returned as
 * it is (S3 User Guide, user-defined object metadata). A header's bytes reach the store as ISO-8859-1 characters,
 * as they reach S3, so raw UTF-8 in a header comes back encoded character by character, as S3 returns it.
 */
final class MetadataValues {

    /** An encoded-word: {@code =?charset?B|Q?text?=}, and the blanks that separate two of them. */
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)[ \\t\\r\\n]+(=\\?)");

    private MetadataValues() {
    }

    /** The value to store: each encoded-word decoded (one that cannot be decoded is kept as sent). */
    static String decode(String value) {
        if (value.indexOf("=?") < 0) {
            return value;
        }
        // white space between two adjacent encoded-words is not part of the text (RFC 2047, section 6.2)
        String joined = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
        Matcher word = ENCODED_WORD.matcher(joined);
        StringBuilder out = new StringBuilder(joined.length());
        while (word.find()) {
            word.appendReplacement(out, Matcher.quoteReplacement(decodeWord(word)));
        }
        word.appendTail(out);
        return out.toString();
    }

    private static String decodeWord(Matcher word) {
        try {
            Charset charset = Charset.forName(word.group(1));
            byte[] bytes = word.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(word.group(3))
                    : quoted(word.group(3));
            return new String(bytes, charset);
        } catch (IllegalArgumentException e) {
            return word.group();   // an unknown charset or bad encoding: not an encoded-word after all
        }
    }

    /** RFC 2047's Q encoding: {@code _} is a space, {@code =XX} a byte. */
    private static byte[] quoted(String text) {
        byte[] out = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out[n++] = ' ';
            } else if (c == '=' && i + 2 < text.length()) {
                out[n++] = (byte) HexFormat.fromHexDigits(text, i + 1, i + 3);
                i += 2;
            } else if (c == '=') {
                throw new IllegalArgumentException("truncated =XX in a Q-encoded word");
            } else {
                out[n++] = (byte) c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The value to answer with: as stored when it is printable US-ASCII, else one B-encoded UTF-8 word. */
    static String encode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7e || c < 0x20 && c != '\t') {
                return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                        + "?=";
            }
        }
        return value;
    }
}
