package dev.warden.core.auth;

import java.util.Objects;

/**
 * A request that could not be authenticated: {@link #failure()} says why in AWS's terms, the message says what was
 * wrong in the caller's words (never a secret, never a signature that was expected).
 */
public final class AuthenticationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final AuthFailure failure;

    public AuthenticationException(AuthFailure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public AuthenticationException(AuthFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public AuthFailure failure() {
        return failure;
    }
}
