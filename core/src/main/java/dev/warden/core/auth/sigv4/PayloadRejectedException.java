package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.io.IOException;

/**
 * A body that failed its check while being read through {@link VerifiedRequest#payload}: a chunk or trailer
 * signature that does not match ({@link AuthFailure#SIGNATURE_MISMATCH}), or a hash, checksum, length or
 * {@code aws-chunked} framing that is wrong ({@link AuthFailure#PAYLOAD_MISMATCH}). It is an {@link IOException} so
 * that it travels through code that only reads streams; its cause is the {@link AuthenticationException} to answer
 * with. The stream stays failed: every later read throws this again.
 */
public final class PayloadRejectedException extends IOException {

    private static final long serialVersionUID = 1L;

    PayloadRejectedException(AuthenticationException cause) {
        super(cause.getMessage(), cause);
    }

    /** Why the body was rejected, in AWS's terms. */
    public AuthFailure failure() {
        return authenticationException().failure();
    }

    /** The failure to answer the request with. */
    public AuthenticationException authenticationException() {
        return (AuthenticationException) getCause();
    }
}
