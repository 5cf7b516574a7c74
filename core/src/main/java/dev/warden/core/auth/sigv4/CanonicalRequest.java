package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.util.List;

/**
 * The canonical request: method, canonical path, canonical query, the signed headers with their values, the
 * {@code SignedHeaders} list and the payload hash, one per line. What the client signed, rebuilt from what arrived.
 */
final class CanonicalRequest {

    private CanonicalRequest() {
    }

    /**
     * @throws MalformedEncodingException if the path (for S3) or the query is not correctly percent-encoded
     */
    static String build(SignedRequest request, QueryString query, SignatureClaim claim, String payloadHash,
            UriStyle style) throws AuthenticationException {
        StringBuilder out = new StringBuilder(1024);
        out.append(request.method()).append('\n');
        out.append(CanonicalUri.of(request.rawPath(), style)).append('\n');
        out.append(query.canonical(claim.presigned() ? PresignedQuery.SIGNATURE : null)).append('\n');
        for (String name : claim.signedHeaders()) {
            List<String> values = request.headerValues(name);
            if (values.isEmpty()) {
                throw new AuthenticationException(AuthFailure.SIGNATURE_MISMATCH, AwsMessages.signedHeaderAbsent(name));
            }
            out.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendTrimmed(out, values.get(i));
            }
            out.append('\n');
        }
        out.append('\n').append(claim.signedHeadersText()).append('\n').append(payloadHash);
        return out.toString();
    }

    /**
     * A header value without white space at either end and with each run of white space inside as one space: what
     * clients sign however a value was folded or padded on the way.
     */
    static void appendTrimmed(StringBuilder out, String value) {
        if (isTrimmed(value)) {
            out.append(value);
            return;
        }
        int end = value.length();
        int start = 0;
        while (start < end && isWhiteSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(value.charAt(end - 1))) {
            end--;
        }
        boolean inSpace = false;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (isWhiteSpace(c)) {
                inSpace = true;
            } else {
                if (inSpace) {
                    out.append(' ');
                    inSpace = false;
                }
                out.append(c);
            }
        }
    }

    /** Whether the value has no white space to drop: no space at either end, no run of spaces, no other white space. */
    private static boolean isTrimmed(String value) {
        int length = value.length();
        if (length == 0) {
            return true;
        }
        if (value.charAt(0) == ' ' || value.charAt(length - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == ' ' ? previous == ' ' : c < ' ' && isWhiteSpace(c)) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** The characters the SDKs collapse: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
