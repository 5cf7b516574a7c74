package dev.warden.core.policy.condition;

import dev.warden.core.policy.RequestView;
import dev.warden.spi.ContextValue;
import java.util.List;
import java.util.Locale;

/**
 * One compiled condition: an operator (with its {@code IfExists} suffix and set qualifier), a context key and the
 * policy's values for it. Values of one key are ORed; the clauses of a statement are ANDed by the caller.
 *
 * <p>Semantics, following AWS's documentation (and, where it is silent, the reference simulator):
 * <ul>
 *   <li>absent key: true for {@code ...IfExists} and for negated operators, false otherwise;</li>
 *   <li>{@code ForAllValues:} is true when the key is absent or empty and every request value matches;
 *       {@code ForAnyValue:} is false when the key is absent or empty, true when some request value matches;</li>
 *   <li>a plain operator on a multivalued key never matches (AWS requires a set qualifier for those);</li>
 *   <li>a negated operator holds for a request value only if that value is comparable (a number for numeric
 *       operators, an address for {@code NotIpAddress}, ...) and matches none of the policy's values;</li>
 *   <li>{@code Null} is true ({@code "true"}) when the key is absent, ({@code "false"}) when present.</li>
 * </ul>
 */
public final class ConditionClause {

    /** A set operator prefix. */
    public enum Qualifier { NONE, FOR_ALL_VALUES, FOR_ANY_VALUE }

    private final String operatorText;
    private final String keyText;
    private final List<String> valueTexts;
    private final ConditionOperator operator;
    private final Qualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final ValueMatcher values;
    private final boolean nullExpectsAbsent;
    private final boolean nullExpectsPresent;

    private ConditionClause(String operatorText, String keyText, List<String> valueTexts, ConditionOperator operator,
                            Qualifier qualifier, boolean ifExists, ValueMatcher values) {
        this.operatorText = operatorText;
        this.keyText = keyText;
        this.valueTexts = valueTexts;
        this.operator = operator;
        this.qualifier = qualifier;
        this.ifExists = ifExists;
        this.key = keyText.toLowerCase(Locale.ROOT);
        this.values = values;
        this.nullExpectsAbsent = operator == ConditionOperator.NULL && valueTexts.stream().anyMatch("true"::equalsIgnoreCase);
        this.nullExpectsPresent = operator == ConditionOperator.NULL && valueTexts.stream().anyMatch("false"::equalsIgnoreCase);
    }

    /**
     * Compiles one operator/key/values triple.
     *
     * @param operatorText the operator as written, e.g. {@code ForAnyValue:StringLikeIfExists}
     * @param variables whether {@code ${...}} in values is a policy variable (version 2012-10-17)
     * @throws InvalidConditionException if AWS would reject it
     */
    public static ConditionClause compile(String operatorText, String keyText, List<String> valueTexts, boolean variables) {
        String rest = operatorText;
        Qualifier qualifier = Qualifier.NONE;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            String prefix = rest.substring(0, colon);
            if (prefix.equalsIgnoreCase("ForAllValues")) {
                qualifier = Qualifier.FOR_ALL_VALUES;
            } else if (prefix.equalsIgnoreCase("ForAnyValue")) {
                qualifier = Qualifier.FOR_ANY_VALUE;
            } else {
                throw new InvalidConditionException("unknown set operator '" + prefix
                        + "' (must be ForAllValues or ForAnyValue)", -1);
            }
            rest = rest.substring(colon + 1);
        }
        boolean ifExists = rest.length() > "IfExists".length()
                && rest.regionMatches(true, rest.length() - "IfExists".length(), "IfExists", 0, "IfExists".length());
        ConditionOperator operator = ConditionOperator.named(ifExists ? rest.substring(0, rest.length() - 8) : rest);
        if (operator == null) {
            throw new InvalidConditionException("unknown condition operator '" + operatorText + "'", -1);
        }
        if (operator == ConditionOperator.NULL && (ifExists || qualifier != Qualifier.NONE)) {
            throw new InvalidConditionException("the Null operator takes neither IfExists nor a set operator", -1);
        }
        int keyColon = keyText.indexOf(':');
        if (keyColon <= 0 || keyColon == keyText.length() - 1) {
            throw new InvalidConditionException("condition key '" + keyText
                    + "' must have the form prefix:name, as in aws:SourceIp or s3:prefix", InvalidConditionException.KEY);
        }
        if (valueTexts.isEmpty()) {
            throw new InvalidConditionException("condition key '" + keyText + "' has no values", InvalidConditionException.KEY);
        }
        ValueMatcher values = switch (operator.type()) {
            case STRING_EQUALS, STRING_EQUALS_IGNORE_CASE, STRING_LIKE, BOOL ->
                    StringValues.compile(valueTexts, operator.type(), variables);
            case NUMERIC -> NumericValues.compile(valueTexts, operator.comparison());
            case DATE -> DateValues.compile(valueTexts, operator.comparison());
            case BINARY -> BinaryValues.compile(valueTexts);
            case IP -> IpValues.compile(valueTexts);
            case ARN -> ArnValues.compile(valueTexts, variables);
            case NULL -> nullValues(valueTexts);
        };
        return new ConditionClause(operatorText, keyText, List.copyOf(valueTexts), operator, qualifier, ifExists, values);
    }

    private static ValueMatcher nullValues(List<String> valueTexts) {
        for (int i = 0; i < valueTexts.size(); i++) {
            if (!StringValues.isBoolean(valueTexts.get(i))) {
                throw new InvalidConditionException("Null value must be true or false, got '" + valueTexts.get(i) + "'", i);
            }
        }
        return null;
    }

    /** Whether the request satisfies this clause. */
    public boolean test(RequestView request) {
        ContextValue value = request.context(key);
        if (operator == ConditionOperator.NULL) {
            return value == null ? nullExpectsAbsent : nullExpectsPresent;
        }
        switch (qualifier) {
            case FOR_ALL_VALUES: {
                if (value == null) {
                    return true;
                }
                List<String> requestValues = value.values();
                for (int i = 0; i < requestValues.size(); i++) {
                    if (!holds(requestValues.get(i), request)) {
                        return false;
                    }
                }
                return true;
            }
            case FOR_ANY_VALUE: {
                if (value == null) {
                    return ifExists;
                }
                List<String> requestValues = value.values();
                for (int i = 0; i < requestValues.size(); i++) {
                    if (holds(requestValues.get(i), request)) {
                        return true;
                    }
                }
                return false;
            }
            default: {
                if (value == null) {
                    return ifExists || operator.negated();
                }
                if (value.multivalued()) {
                    return false;
                }
                return holds(value.values().get(0), request);
            }
        }
    }

    private boolean holds(String requestValue, RequestView request) {
        int n = values.size();
        if (operator.negated()) {
            for (int i = 0; i < n; i++) {
                if (values.compare(i, requestValue, request) != ValueMatcher.NO_MATCH) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (values.compare(i, requestValue, request) == ValueMatcher.MATCH) {
                return true;
            }
        }
        return false;
    }

    /** The context key as the policy wrote it. */
    public String key() {
        return keyText;
    }

    /** The operator as the policy wrote it. */
    public String operatorText() {
        return operatorText;
    }

    /** The policy's values for the key, as written. */
    public List<String> valueTexts() {
        return valueTexts;
    }

    @Override
    public String toString() {
        return operatorText + " " + keyText + " " + valueTexts;
    }
}
