package dev.warden.core.auth.sigv4;

import java.util.Arrays;

/**
 * A raw query string split into its parameters, kept encoded as sent. Parameter names are case-sensitive, as AWS's
 * are ({@code X-Amz-Signature}); {@code +} is read as a space, as servlet containers read it.
 */
final class QueryString {

    private static final QueryString EMPTY = new QueryString(new String[0], new String[0]);

    private final String[] rawNames;
    private final String[] rawValues;

    private QueryString(String[] rawNames, String[] rawValues) {
        this.rawNames = rawNames;
        this.rawValues = rawValues;
    }

    /** @param raw the query string as sent, without {@code ?}; {@code null} or empty for none */
    static QueryString parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        int count = 1;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '&') {
                count++;
            }
        }
        String[] names = new String[count];
        String[] values = new String[count];
        int n = 0;
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = raw.length();
            }
            int equals = raw.indexOf('=', start);
            if (equals < 0 || equals > end) {
                names[n] = raw.substring(start, end);
                values[n] = "";
            } else {
                names[n] = raw.substring(start, equals);
                values[n] = raw.substring(equals + 1, end);
            }
            n++;
            start = end + 1;
        }
        return new QueryString(names, values);
    }

    boolean isEmpty() {
        return rawNames.length == 0;
    }

    /**
     * The decoded value of the first parameter named {@code name} (compared after decoding), or {@code null}.
     *
     * @throws MalformedEncodingException if that parameter is not correctly percent-encoded
     */
    String first(String name) {
        for (int i = 0; i < rawNames.length; i++) {
            if (decodedNameIs(i, name)) {
                return PercentEncoding.decodeToString(rawValues[i], true);
            }
        }
        return null;
    }

    boolean has(String name) {
        return count(name) > 0;
    }

    int count(String name) {
        int count = 0;
        for (int i = 0; i < rawNames.length; i++) {
            if (decodedNameIs(i, name)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The canonical query string: every parameter but {@code excluded} (and those with an empty name, which the SDKs do
     * not sign), names and values encoded with SigV4's set, sorted by name and then by value.
     *
     * @param excluded a parameter name to leave out ({@code X-Amz-Signature} for presigned URLs), or {@code null}
     * @throws MalformedEncodingException if a parameter is not correctly percent-encoded
     */
    String canonical(String excluded) {
        if (rawNames.length == 0) {
            return "";
        }
        String[][] pairs = new String[rawNames.length][];
        int count = 0;
        for (int i = 0; i < rawNames.length; i++) {
            if (rawNames[i].isEmpty() || (excluded != null && decodedNameIs(i, excluded))) {
                continue;
            }
            pairs[count++] = new String[] {
                PercentEncoding.canonical(rawNames[i], true, false),
                PercentEncoding.canonical(rawValues[i], true, false)};
        }
        if (count > 1) {
            Arrays.sort(pairs, 0, count, (a, b) -> {
                int byName = a[0].compareTo(b[0]);
                return byName != 0 ? byName : a[1].compareTo(b[1]);
            });
        }
        StringBuilder out = new StringBuilder(128);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(pairs[i][0]).append('=').append(pairs[i][1]);
        }
        return out.toString();
    }

    private boolean decodedNameIs(int index, String name) {
        String raw = rawNames[index];
        return raw.equals(name) || (raw.indexOf('%') >= 0 && PercentEncoding.decodeToString(raw, true).equals(name));
    }
}
