package dev.warden.core.policy;

/**
 * A policy document that AWS IAM would refuse, with the place and the reason: {@link #pointer()} is a JSON
 * pointer into the document ({@code /Statement/2/Condition/StringEquals}), {@link #reason()} says what is wrong.
 */
public final class MalformedPolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** AWS's error code for a document that is malformed. */
    public static final String MALFORMED = "MalformedPolicyDocument";
    /** AWS's error code for a document over its size quota. */
    public static final String LIMIT_EXCEEDED = "LimitExceeded";

    private final String errorCode;
    private final String pointer;
    private final String reason;

    public MalformedPolicyException(String errorCode, String pointer, String reason) {
        super(errorCode + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + reason, null, false, false);
        this.errorCode = errorCode;
        this.pointer = pointer;
        this.reason = reason;
    }

    /** {@link #MALFORMED} or {@link #LIMIT_EXCEEDED}. */
    public String errorCode() {
        return errorCode;
    }

    /** JSON pointer to the offending element; empty for the whole document. */
    public String pointer() {
        return pointer;
    }

    /** What is wrong, in a sentence. */
    public String reason() {
        return reason;
    }
}
