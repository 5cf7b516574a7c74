package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a signature is still (or already) good at this moment: a signed request within AWS's 15 minutes of the
 * server's clock either way; a presigned URL from its date (not more than 15 minutes ahead) until its expiry.
 */
final class RequestFreshness {

    static final Duration ALLOWED_SKEW = Duration.ofMinutes(15);

    private RequestFreshness() {
    }

    static void check(SignatureClaim claim, Instant now, boolean s3) throws AuthenticationException {
        Instant time = claim.requestTime();
        if (time.isAfter(now.plus(ALLOWED_SKEW))) {
            throw new AuthenticationException(AuthFailure.CLOCK_SKEW, claim.expires() != null && s3
                    ? AwsMessages.NOT_YET_VALID_S3
                    : s3 ? AwsMessages.SKEWED_S3 : AwsMessages.signatureNotYetCurrent(claim.amzDate(), now));
        }
        if (claim.expires() != null) {
            if (now.isAfter(time.plus(claim.expires()))) {
                throw new AuthenticationException(AuthFailure.PRESIGNED_URL_EXPIRED, AwsMessages.EXPIRED);
            }
            return;
        }
        if (time.isBefore(now.minus(ALLOWED_SKEW))) {
            throw new AuthenticationException(AuthFailure.CLOCK_SKEW,
                    s3 ? AwsMessages.SKEWED_S3 : AwsMessages.signatureExpired(claim.amzDate(), now));
        }
    }
}
