package dev.warden.core.policy.condition;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * AWS's condition operators, without their {@code IfExists} suffix and {@code ForAllValues:}/{@code ForAnyValue:}
 * prefix. A negated operator ({@code StringNotEquals}, {@code NotIpAddress}, ...) holds when the request value is
 * comparable and equals none of the policy's values.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Type.STRING_EQUALS, false),
    STRING_NOT_EQUALS("StringNotEquals", Type.STRING_EQUALS, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Type.STRING_EQUALS_IGNORE_CASE, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Type.STRING_EQUALS_IGNORE_CASE, true),
    STRING_LIKE("StringLike", Type.STRING_LIKE, false),
    STRING_NOT_LIKE("StringNotLike", Type.STRING_LIKE, true),
    NUMERIC_EQUALS("NumericEquals", Type.NUMERIC, Comparison.EQ, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Type.NUMERIC, Comparison.EQ, true),
    NUMERIC_LESS_THAN("NumericLessThan", Type.NUMERIC, Comparison.LT, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Type.NUMERIC, Comparison.LE, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Type.NUMERIC, Comparison.GT, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Type.NUMERIC, Comparison.GE, false),
    DATE_EQUALS("DateEquals", Type.DATE, Comparison.EQ, false),
    DATE_NOT_EQUALS("DateNotEquals", Type.DATE, Comparison.EQ, true),
    DATE_LESS_THAN("DateLessThan", Type.DATE, Comparison.LT, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Type.DATE, Comparison.LE, false),
    DATE_GREATER_THAN("DateGreaterThan", Type.DATE, Comparison.GT, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Type.DATE, Comparison.GE, false),
    BOOL("Bool", Type.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Type.BINARY, false),
    IP_ADDRESS("IpAddress", Type.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Type.IP, true),
    ARN_EQUALS("ArnEquals", Type.ARN, false),
    ARN_LIKE("ArnLike", Type.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Type.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Type.ARN, true),
    NULL("Null", Type.NULL, false);

    /** The kind of value an operator compares. */
    enum Type { STRING_EQUALS, STRING_EQUALS_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

    /** How numeric and date operators order the request value against the policy value. */
    enum Comparison {
        EQ, LT, LE, GT, GE;

        /** Whether {@code order} (the request value compared with the policy value) satisfies this comparison. */
        boolean holds(int order) {
            return switch (this) {
                case EQ -> order == 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
            };
        }
    }

    private final String awsName;
    private final Type type;
    private final Comparison comparison;
    private final boolean negated;

    ConditionOperator(String awsName, Type type, boolean negated) {
        this(awsName, type, Comparison.EQ, negated);
    }

    ConditionOperator(String awsName, Type type, Comparison comparison, boolean negated) {
        this.awsName = awsName;
        this.type = type;
        this.comparison = comparison;
        this.negated = negated;
    }

    /** The operator's name as policies spell it, e.g. {@code StringNotEquals}. */
    public String awsName() {
        return awsName;
    }

    Type type() {
        return type;
    }

    Comparison comparison() {
        return comparison;
    }

    /** Whether this operator holds when the key is absent and when the value matches none of the policy's. */
    public boolean negated() {
        return negated;
    }

    /** Operators by their AWS spelling and by that spelling in lower case. */
    private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();

    static {
        for (ConditionOperator op : values()) {
            BY_NAME.put(op.awsName.toLowerCase(Locale.ROOT), op);
            BY_NAME.put(op.awsName, op);
        }
    }

    /** The operator named {@code name} (ignoring case), or {@code null}. */
    static ConditionOperator named(String name) {
        ConditionOperator exact = BY_NAME.get(name);
        return exact != null ? exact : BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
