package dev.warden.core.policy.condition;

import dev.warden.core.policy.RequestView;
import dev.warden.core.policy.Template;
import java.util.List;

/** Policy values of the {@code String...} operators, and of {@code Bool}: templates that may hold variables. */
final class StringValues implements ValueMatcher {

    private final Template[] templates;
    private final boolean bool;

    private StringValues(Template[] templates, boolean bool) {
        this.templates = templates;
        this.bool = bool;
    }

    static StringValues compile(List<String> values, ConditionOperator.Type type, boolean variables) {
        boolean like = type == ConditionOperator.Type.STRING_LIKE;
        boolean ignoreCase = type == ConditionOperator.Type.STRING_EQUALS_IGNORE_CASE || type == ConditionOperator.Type.BOOL;
        Template[] templates = new Template[values.size()];
        for (int i = 0; i < templates.length; i++) {
            try {
                templates[i] = Template.compile(values.get(i), like, variables, ignoreCase);
            } catch (IllegalArgumentException e) {
                throw new InvalidConditionException(e.getMessage(), i);
            }
            if (type == ConditionOperator.Type.BOOL && !templates[i].hasVariables() && !isBoolean(values.get(i))) {
                throw new InvalidConditionException("Bool value must be true or false, got '" + values.get(i) + "'", i);
            }
        }
        return new StringValues(templates, type == ConditionOperator.Type.BOOL);
    }

    static boolean isBoolean(String s) {
        return "true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s);
    }

    @Override
    public int compare(int i, String requestValue, RequestView request) {
        if (bool) {
            if (!isBoolean(requestValue)) {
                return INCOMPARABLE;
            }
            String policyValue = templates[i].resolvedText(request);
            if (policyValue == null || !isBoolean(policyValue)) {
                return NO_MATCH;
            }
            return policyValue.equalsIgnoreCase(requestValue) ? MATCH : NO_MATCH;
        }
        // A variable without value is "effectively null": equal to nothing, so an inverted operator holds (AWS,
        // "Policy variables with no value").
        return templates[i].match(requestValue, request) == Template.MATCH ? MATCH : NO_MATCH;
    }

    @Override
    public int size() {
        return templates.length;
    }
}
