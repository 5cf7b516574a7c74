package dev.warden.core.auth.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a request says about its own signature, from the {@code Authorization} header or the presigned query: who
 * signed, for which scope and time, over which headers, and the signature itself (still to be checked).
 *
 * @param scopeText the scope exactly as sent after the access key id, as it goes into the string to sign
 * @param signedHeadersText the {@code SignedHeaders} list exactly as sent, as it goes into the canonical request
 * @param requestTime the instant of {@code amzDate}
 * @param amzDate the request's timestamp in ISO 8601 basic format, as it goes into the string to sign
 * @param expires how long a presigned URL is valid ({@code X-Amz-Expires}); {@code null} for the header form
 * @param sessionToken {@code X-Amz-Security-Token}, or {@code null}
 */
record SignatureClaim(String accessKeyId, CredentialScope scope, String scopeText, List<String> signedHeaders,
        String signedHeadersText, String signature, String amzDate, Instant requestTime, Duration expires,
        boolean presigned, String sessionToken) {

    /** The form and scope only: the signature and the session token stay out of logs. */
    @Override
    public String toString() {
        return "SignatureClaim[" + accessKeyId + "/" + scopeText + ", " + (presigned ? "presigned" : "header") + ", "
                + amzDate + ", SignedHeaders=" + signedHeadersText + "]";
    }
}
