package dev.warden.core.policy.condition;

/**
 * A condition block that AWS would reject: an unknown operator, a value that is not a number, date, CIDR, ...
 * {@link #valueIndex()} says which value was at fault, or {@link #OPERATOR} / {@link #KEY} when it is the
 * operator or the key itself.
 */
public final class InvalidConditionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** {@link #valueIndex()} when the operator is at fault. */
    public static final int OPERATOR = -1;
    /** {@link #valueIndex()} when the context key is at fault (or has no values). */
    public static final int KEY = -2;

    private final int valueIndex;

    InvalidConditionException(String message, int valueIndex) {
        super(message);
        this.valueIndex = valueIndex;
    }

    /** Index of the offending value in the key's value list, or {@link #OPERATOR} or {@link #KEY}. */
    public int valueIndex() {
        return valueIndex;
    }
}
