package dev.warden.core.iam;

import java.util.Objects;

/**
 * An IAM operation that failed the way AWS fails it: an {@link IamError} code and AWS's message, e.g.
 * {@code NoSuchEntity: The user with name alice cannot be found.} Nothing was changed.
 */
public final class IamException extends Exception {

    private static final long serialVersionUID = 1L;

    private final IamError error;

    public IamException(IamError error, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public IamError error() {
        return error;
    }

    @Override
    public String toString() {
        return error.code() + ": " + getMessage();
    }

    public static IamException noSuchEntity(String message) {
        return new IamException(IamError.NO_SUCH_ENTITY, message);
    }

    public static IamException alreadyExists(String message) {
        return new IamException(IamError.ENTITY_ALREADY_EXISTS, message);
    }

    public static IamException limitExceeded(String quota, int limit) {
        return new IamException(IamError.LIMIT_EXCEEDED, "Cannot exceed quota for " + quota + ": " + limit);
    }

    public static IamException deleteConflict(String message) {
        return new IamException(IamError.DELETE_CONFLICT, message);
    }

    public static IamException invalidInput(String message) {
        return new IamException(IamError.INVALID_INPUT, message);
    }
}
