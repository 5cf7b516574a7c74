package dev.warden.core.policy.condition;

import dev.warden.core.policy.RequestView;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Policy values of {@code BinaryEquals}: base64 text, compared byte for byte with the request's base64 value. */
final class BinaryValues implements ValueMatcher {

    private final byte[][] values;

    private BinaryValues(byte[][] values) {
        this.values = values;
    }

    static BinaryValues compile(List<String> values) {
        byte[][] decoded = new byte[values.size()][];
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = decode(values.get(i));
            if (decoded[i] == null) {
                throw new InvalidConditionException("'" + values.get(i) + "' is not base64", i);
            }
        }
        return new BinaryValues(decoded);
    }

    private static byte[] decode(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public int compare(int i, String requestValue, RequestView request) {
        byte[] value = decode(requestValue);
        if (value == null) {
            return INCOMPARABLE;
        }
        return Arrays.equals(value, values[i]) ? MATCH : NO_MATCH;
    }

    @Override
    public int size() {
        return values.length;
    }
}
