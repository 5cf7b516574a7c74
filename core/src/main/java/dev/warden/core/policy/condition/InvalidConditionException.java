package dev.warden.core.policy.condition;

/**
 * A condition block that AWS would reject: an unknown operator, a value that is not a number, date, CIDR, ...
 * {@link #valueIndex()} says which value was at fault, or -1 when it is the operator itself.
 */
public final class InvalidConditionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int valueIndex;

    InvalidConditionException(String message, int valueIndex) {
        super(message);
        this.valueIndex = valueIndex;
    }

    /** Index of the offending value in the key's value list, or -1 when the operator is at fault. */
    public int valueIndex() {
        return valueIndex;
    }
}
