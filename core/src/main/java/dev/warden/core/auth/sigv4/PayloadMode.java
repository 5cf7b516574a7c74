package dev.warden.core.auth.sigv4;

/**
 * How the body of a verified request is protected, as {@code x-amz-content-sha256} says (or the body's own hash where
 * the header is absent, as the Query services allow). Read the body through {@link VerifiedRequest#payload} whatever
 * the mode: it checks what the mode promises.
 */
public enum PayloadMode {
    /** The SHA-256 of the body is part of the signature: from {@code x-amz-content-sha256}, or computed. */
    SIGNED(null),
    /** {@code UNSIGNED-PAYLOAD}: the body is not covered by the signature (S3 over TLS, presigned URLs). */
    UNSIGNED("UNSIGNED-PAYLOAD"),
    /** {@code aws-chunked} body whose every chunk carries a signature chained from the request's. */
    STREAMING_SIGNED("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
    /** Signed chunks followed by trailing headers (a checksum) and their own signature. */
    STREAMING_SIGNED_TRAILER("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"),
    /** Unsigned chunks followed by a trailing checksum: integrity without authentication (TLS does that). */
    STREAMING_UNSIGNED_TRAILER("STREAMING-UNSIGNED-PAYLOAD-TRAILER");

    private final String headerValue;

    PayloadMode(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The {@code x-amz-content-sha256} value that selects this mode; {@code null} for {@link #SIGNED} (a hex hash). */
    public String headerValue() {
        return headerValue;
    }

    /** Whether the body is {@code aws-chunked}. */
    public boolean isStreaming() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
    }

    /** Whether the body ends with trailing headers. */
    public boolean hasTrailer() {
        return this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
    }

    /** Whether each chunk carries a signature. */
    public boolean hasChunkSignatures() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER;
    }

    static PayloadMode forHeaderValue(String value) {
        for (PayloadMode mode : values()) {
            if (value.equals(mode.headerValue)) {
                return mode;
            }
        }
        return null;
    }
}
