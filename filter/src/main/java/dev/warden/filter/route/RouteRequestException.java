package dev.warden.filter.route;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be mapped safely (malformed percent-encoding, control characters, dot segments, an overlong
 * path, sub-resources that select different operations): answered with a 400 and AWS's {@link #code()}, never
 * guessed at.
 */
public final class RouteRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final Map<String, String> details;

    RouteRequestException(String code, String message) {
        this(code, message, Map.of());
    }

    RouteRequestException(String code, String message, Map<String, String> details) {
        super(message);
        this.code = code;
        this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** AWS's error code, such as {@code InvalidURI}. */
    public String code() {
        return code;
    }

    /**
     * Further elements of the error, in order (S3's {@code ArgumentName} and {@code ArgumentValue} for conflicting
     * sub-resources); empty for most.
     */
    public Map<String, String> details() {
        return details;
    }
}
