package dev.warden.core.policy.condition;

/**
 * An IPv4 or IPv6 CIDR block (a single address is a block of one), as the {@code IpAddress} condition operator reads
 * them. Parsing never touches the network. Other users: the filter's list of trusted proxies.
 */
public final class IpBlock {

    private final byte[] network;
    private final int prefix;

    private IpBlock(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * The block {@code text} names: {@code 203.0.113.0/24}, {@code 2001:db8::/32} or a single address.
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static IpBlock parse(String text) {
        int slash = text.indexOf('/');
        byte[] address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        int prefix = address == null ? -1 : address.length * 8;
        if (address != null && slash >= 0) {
            prefix = parsePrefix(text.substring(slash + 1), address.length * 8);
        }
        if (address == null || prefix < 0) {
            throw new IllegalArgumentException("'" + text
                    + "' is not an IP address or CIDR block (such as 203.0.113.0/24 or 2001:db8::/32)");
        }
        return new IpBlock(address, prefix);
    }

    /** The 4 or 16 bytes of the address literal {@code text}, or {@code null} when it is none (names are not resolved). */
    public static byte[] address(String text) {
        return IpAddresses.parse(text);
    }

    /** Whether {@code address} (4 or 16 bytes) lies in this block; an address of the other family never does. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefix / 8;
        for (int b = 0; b < fullBytes; b++) {
            if (address[b] != network[b]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    private static int parsePrefix(String s, int max) {
        if (s.isEmpty() || s.length() > 3 || (s.length() > 1 && s.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        int prefix = Integer.parseInt(s);
        return prefix <= max ? prefix : -1;
    }
}
