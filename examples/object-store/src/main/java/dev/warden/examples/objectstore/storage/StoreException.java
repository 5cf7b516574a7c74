package dev.warden.examples.objectstore.storage;

import java.util.Objects;

/** An operation the store refused, for a reason S3 clients understand ({@link #failure()}). */
public final class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    private final StoreFailure failure;

    /** Refused for {@code failure}, with S3's message. */
    public StoreException(StoreFailure failure) {
        this(failure, failure.message());
    }

    /** Refused for {@code failure}, with a message of its own. */
    public StoreException(StoreFailure failure, String message) {
        super(message, null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** Why. */
    public StoreFailure failure() {
        return failure;
    }
}
