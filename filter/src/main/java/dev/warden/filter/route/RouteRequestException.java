package dev.warden.filter.route;

/**
 * A request whose path or query cannot be mapped safely (malformed percent-encoding, control characters, dot
 * segments, an overlong path): answered with a 400 and AWS's {@link #code()}, never guessed at.
 */
public final class RouteRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    RouteRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** AWS's error code, such as {@code InvalidURI}. */
    public String code() {
        return code;
    }
}
