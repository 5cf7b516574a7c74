package dev.warden.core.policy.condition;

import dev.warden.core.policy.RequestView;
import java.util.List;

/**
 * Policy values of {@code IpAddress} and {@code NotIpAddress}: IPv4 or IPv6 CIDR blocks, or single addresses. An
 * address of the other family is simply outside the block; a request value that is no address compares with
 * nothing.
 */
final class IpValues implements ValueMatcher {

    private static final LastParsed<byte[]> REQUEST_VALUES = new LastParsed<>(IpAddresses::parse);

    private final byte[][] networks;
    private final int[] prefixes;

    private IpValues(byte[][] networks, int[] prefixes) {
        this.networks = networks;
        this.prefixes = prefixes;
    }

    static IpValues compile(List<String> values) {
        byte[][] networks = new byte[values.size()][];
        int[] prefixes = new int[values.size()];
        for (int i = 0; i < networks.length; i++) {
            String value = values.get(i);
            int slash = value.indexOf('/');
            byte[] address = IpAddresses.parse(slash < 0 ? value : value.substring(0, slash));
            int prefix = address == null ? -1 : address.length * 8;
            if (address != null && slash >= 0) {
                prefix = parsePrefix(value.substring(slash + 1), address.length * 8);
            }
            if (address == null || prefix < 0) {
                throw new InvalidConditionException("'" + value
                        + "' is not an IP address or CIDR block (such as 203.0.113.0/24 or 2001:db8::/32)", i);
            }
            networks[i] = address;
            prefixes[i] = prefix;
        }
        return new IpValues(networks, prefixes);
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

    @Override
    public int compare(int i, String requestValue, RequestView request) {
        byte[] address = REQUEST_VALUES.parse(requestValue);
        if (address == null) {
            return INCOMPARABLE;
        }
        byte[] network = networks[i];
        if (address.length != network.length) {
            return NO_MATCH;
        }
        int prefix = prefixes[i];
        int fullBytes = prefix / 8;
        for (int b = 0; b < fullBytes; b++) {
            if (address[b] != network[b]) {
                return NO_MATCH;
            }
        }
        int rest = prefix % 8;
        if (rest != 0) {
            int mask = 0xFF << (8 - rest) & 0xFF;
            if ((address[fullBytes] & mask) != (network[fullBytes] & mask)) {
                return NO_MATCH;
            }
        }
        return MATCH;
    }

    @Override
    public int size() {
        return networks.length;
    }
}
