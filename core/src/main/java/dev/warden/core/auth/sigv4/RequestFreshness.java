package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a signature is still (or already) good at this moment: a signed request within AWS's 15 minutes of the
 * server's clock either way; a presigned URL from its date (not more than 15 minutes ahead) until its expiry (one
 * with {@code X-Amz-Expires=0} never, as S3 answers it).
 */
final class RequestFreshness {

    static final Duration ALLOWED_SKEW = Duration.ofMinutes(15);

    private RequestFreshness() {
    }

    /** What S3 adds to its "Request has expired" error: the URL's lifetime, when it expired, and the time now. */
    private static Map<String, String> expiredDetails(Duration expires, Instant expiry, Instant now) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("X-Amz-Expires", Long.toString(expires.getSeconds()));
        details.put("Expires", DateTimeFormatter.ISO_INSTANT.format(expiry.truncatedTo(ChronoUnit.SECONDS)));
        details.put("ServerTime", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        return details;
    }

    static void check(SignatureClaim claim, Instant now, boolean s3) throws AuthenticationException {
        Instant time = claim.requestTime();
        if (time.isAfter(now.plus(ALLOWED_SKEW))) {
            throw new AuthenticationException(AuthFailure.CLOCK_SKEW, claim.expires() != null && s3
                    ? AwsMessages.NOT_YET_VALID_S3
                    : s3 ? AwsMessages.SKEWED_S3 : AwsMessages.signatureNotYetCurrent(claim.amzDate(), now));
        }
        if (claim.expires() != null) {
            Instant expiry = time.plus(claim.expires());
            // X-Amz-Expires=0 has expired as soon as it was made
            if (claim.expires().isZero() || now.isAfter(expiry)) {
                throw new AuthenticationException(AuthFailure.PRESIGNED_URL_EXPIRED, AwsMessages.EXPIRED,
                        s3 ? expiredDetails(claim.expires(), expiry, now) : Map.of());
            }
            return;
        }
        if (time.isBefore(now.minus(ALLOWED_SKEW))) {
            throw new AuthenticationException(AuthFailure.CLOCK_SKEW,
                    s3 ? AwsMessages.SKEWED_S3 : AwsMessages.signatureExpired(claim.amzDate(), now));
        }
    }
}
