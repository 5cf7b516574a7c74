package dev.warden.core.auth.sigv4;

/** A percent-escape in the path or query that is not {@code %} and two hex digits: no client signed that. */
final class MalformedEncodingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    MalformedEncodingException(String message) {
        super(message);
    }
}
