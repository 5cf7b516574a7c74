package dev.warden.core.policy.condition;

/**
 * Parses IPv4 and IPv6 address literals without touching the network ({@code InetAddress} would resolve names).
 */
final class IpAddresses {

    private IpAddresses() {
    }

    /** The 4 or 16 bytes of {@code s}, or {@code null} if it is not an address literal. */
    static byte[] parse(String s) {
        return s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s, 0, s.length());
    }

    static byte[] parseV4(String s, int from, int to) {
        byte[] out = new byte[4];
        int octet = 0;
        int i = from;
        while (octet < 4) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return null;
            }
            out[octet++] = (byte) value;
            if (octet < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == to ? out : null;
    }

    private static byte[] parseV6(String s) {
        int n = s.length();
        if (n < 2) {
            return null;
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        byte[] out = new byte[16];
        if (doubleColon < 0) {
            return fillGroups(s, 0, n, out, 0, 16) == 16 ? out : null;
        }
        byte[] head = new byte[16];
        int headLength = doubleColon == 0 ? 0 : fillGroups(s, 0, doubleColon, head, 0, 16);
        if (headLength < 0) {
            return null;
        }
        byte[] tail = new byte[16];
        int tailLength = doubleColon + 2 == n ? 0 : fillGroups(s, doubleColon + 2, n, tail, 0, 16);
        if (tailLength < 0 || headLength + tailLength > 14) {
            return null;
        }
        System.arraycopy(head, 0, out, 0, headLength);
        System.arraycopy(tail, 0, out, 16 - tailLength, tailLength);
        return out;
    }

    /** The value of an ASCII hex digit, or -1 ({@link Character#digit} would also take full-width and other digits). */
    private static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /**
     * Parses colon-separated groups into out; returns bytes written or -1. The last group may be dotted IPv4, but
     * only at the very end of the address (RFC 4291, 2.2: the IPv4 part is the low-order 32 bits).
     */
    private static int fillGroups(String s, int from, int to, byte[] out, int at, int limit) {
        int i = from;
        int written = at;
        while (true) {
            int end = s.indexOf(':', i);
            if (end < 0 || end > to) {
                end = to;
            }
            if (end == i) {
                return -1;
            }
            if (end == to && to == s.length() && s.lastIndexOf('.', to - 1) >= i) {
                byte[] v4 = parseV4(s, i, to);
                if (v4 == null || written + 4 > limit) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, written, 4);
                return written + 4 - at;
            }
            if (end - i > 4 || written + 2 > limit) {
                return -1;
            }
            int value = 0;
            for (int k = i; k < end; k++) {
                int digit = hexDigit(s.charAt(k));
                if (digit < 0) {
                    return -1;
                }
                value = value * 16 + digit;
            }
            out[written++] = (byte) (value >> 8);
            out[written++] = (byte) value;
            if (end == to) {
                return written - at;
            }
            i = end + 1;
        }
    }
}
