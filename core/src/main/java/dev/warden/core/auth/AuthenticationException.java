package dev.warden.core.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request that could not be authenticated: {@link #failure()} says why in AWS's terms, the message says what was
 * wrong in the caller's words (never a secret, never a signature that was expected).
 */
public final class AuthenticationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final AuthFailure failure;
    private final transient Map<String, String> details;

    public AuthenticationException(AuthFailure failure, String message) {
        this(failure, message, Map.of());
    }

    public AuthenticationException(AuthFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.details = Map.of();
    }

    /**
     * @param details what AWS adds to its error document for this failure, by element name, in order (S3's
     *     {@code Region}, {@code Expires}, ...); never secrets
     */
    public AuthenticationException(AuthFailure failure, String message, Map<String, String> details) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public AuthFailure failure() {
        return failure;
    }

    /** The elements AWS adds to its error document for this failure, in order; empty for most. */
    public Map<String, String> details() {
        return details == null ? Map.of() : details;
    }
}
