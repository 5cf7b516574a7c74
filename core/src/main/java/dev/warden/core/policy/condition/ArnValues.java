package dev.warden.core.policy.condition;

import dev.warden.core.policy.RequestView;
import dev.warden.core.policy.Template;
import java.util.List;

/**
 * Policy values of the {@code Arn...} operators. As AWS specifies, each of the six colon-separated parts is
 * compared on its own, case-sensitively, and each may hold {@code *} and {@code ?} (for {@code ArnEquals} as for
 * {@code ArnLike}) and policy variables; a variable without value equals nothing. A request value that is not an
 * ARN compares with nothing.
 */
final class ArnValues implements ValueMatcher {

    private final Template[][] parts;

    private ArnValues(Template[][] parts) {
        this.parts = parts;
    }

    static ArnValues compile(List<String> values, boolean variables) {
        Template[][] parts = new Template[values.size()][];
        for (int i = 0; i < parts.length; i++) {
            String value = values.get(i);
            String[] split = Template.splitArn(value, variables);
            if (split.length < 6 || !split[0].equals("arn")) {
                throw new InvalidConditionException("'" + value
                        + "' is not an ARN (arn:partition:service:region:account:resource, wildcards allowed)", i);
            }
            parts[i] = new Template[6];
            for (int p = 0; p < 6; p++) {
                try {
                    parts[i][p] = Template.compile(split[p], true, variables, false);
                } catch (IllegalArgumentException e) {
                    throw new InvalidConditionException(e.getMessage(), i);
                }
            }
        }
        return new ArnValues(parts);
    }

    @Override
    public int compare(int i, String requestValue, RequestView request) {
        int[] colons = new int[5];
        int from = 0;
        for (int c = 0; c < 5; c++) {
            int colon = requestValue.indexOf(':', from);
            if (colon < 0) {
                return INCOMPARABLE;
            }
            colons[c] = colon;
            from = colon + 1;
        }
        Template[] policy = parts[i];
        boolean matches = true;
        for (int p = 0; p < 6; p++) {
            int start = p == 0 ? 0 : colons[p - 1] + 1;
            int end = p == 5 ? requestValue.length() : colons[p];
            matches = matches && policy[p].matches(requestValue, start, end, request);
        }
        return matches ? MATCH : NO_MATCH;
    }

    @Override
    public int size() {
        return parts.length;
    }
}
