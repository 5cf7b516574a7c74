package dev.warden.filter.error;

import java.util.Map;
import java.util.Objects;

/**
 * One error as AWS reports it: the HTTP status, AWS's code and message, and the extra elements some errors carry
 * (S3's {@code StringToSign} and {@code CanonicalRequest} for a signature mismatch, {@code Resource}, ...).
 *
 * @param status the HTTP status
 * @param code AWS's error code, for example {@code AccessDenied}
 * @param message the message, in AWS's words
 * @param details further elements by name, in order; never secrets
 */
public record AwsError(int status, String code, String message, Map<String, String> details) {

    public AwsError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    /** An error without further elements. */
    public AwsError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }
}
