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

    private final IpBlock[] blocks;

    private IpValues(IpBlock[] blocks) {
        this.blocks = blocks;
    }

    static IpValues compile(List<String> values) {
        IpBlock[] blocks = new IpBlock[values.size()];
        for (int i = 0; i < blocks.length; i++) {
            try {
                blocks[i] = IpBlock.parse(values.get(i));
            } catch (IllegalArgumentException e) {
                throw new InvalidConditionException(e.getMessage(), i);
            }
        }
        return new IpValues(blocks);
    }

    @Override
    public int compare(int i, String requestValue, RequestView request) {
        byte[] address = REQUEST_VALUES.parse(requestValue);
        if (address == null) {
            return INCOMPARABLE;
        }
        return blocks[i].contains(address) ? MATCH : NO_MATCH;
    }

    @Override
    public int size() {
        return blocks.length;
    }
}
