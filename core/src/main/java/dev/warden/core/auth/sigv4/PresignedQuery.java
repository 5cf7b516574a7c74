package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The presigned (query) form: {@code X-Amz-Algorithm}, {@code X-Amz-Credential}, {@code X-Amz-Date},
 * {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature} and, for temporary credentials,
 * {@code X-Amz-Security-Token}, all in the query string.
 */
final class PresignedQuery {

    static final String ALGORITHM = "X-Amz-Algorithm";
    static final String CREDENTIAL = "X-Amz-Credential";
    static final String DATE = "X-Amz-Date";
    static final String EXPIRES = "X-Amz-Expires";
    static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String SIGNATURE = "X-Amz-Signature";
    static final String SECURITY_TOKEN = "X-Amz-Security-Token";

    /** AWS's limit on a presigned URL's life: seven days. */
    static final long MAX_EXPIRES_SECONDS = 604_800;

    private static final List<String> PARAMETERS =
            List.of(ALGORITHM, CREDENTIAL, DATE, EXPIRES, SIGNED_HEADERS, SIGNATURE, SECURITY_TOKEN);

    private PresignedQuery() {
    }

    /** Whether the query carries any of the presigned form's parameters. */
    static boolean isPresigned(QueryString query) {
        return query.has(ALGORITHM) || query.has(CREDENTIAL) || query.has(SIGNATURE);
    }

    /**
     * The presigned form's claim.
     *
     * @throws AuthenticationException for missing or malformed parameters
     *     {@link AuthFailure#QUERY_PARAMETERS_MALFORMED} (S3's {@code AuthorizationQueryParametersError}); another
     *     algorithm {@link AuthFailure#UNSUPPORTED_MECHANISM}
     */
    static SignatureClaim parse(QueryString query) throws AuthenticationException {
        try {
            return parseParameters(query);
        } catch (AuthenticationException e) {
            if (e.failure() != AuthFailure.INCOMPLETE_SIGNATURE) {
                throw e;
            }
            // the same faults as in the header form, but S3 names them after the query parameters
            throw new AuthenticationException(AuthFailure.QUERY_PARAMETERS_MALFORMED, e.getMessage(), e.details());
        }
    }

    private static SignatureClaim parseParameters(QueryString query) throws AuthenticationException {
        String credential = query.first(CREDENTIAL);
        boolean s3 = CredentialText.namesS3(credential, true);
        for (String parameter : PARAMETERS) {
            if (query.count(parameter) > 1) {
                throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                        "The query parameter " + parameter + " appears more than once.");
            }
        }
        String algorithm = query.first(ALGORITHM);
        if (algorithm != null && !algorithm.equals(HeaderAuthorization.ALGORITHM)) {
            throw new AuthenticationException(AuthFailure.UNSUPPORTED_MECHANISM,
                    AwsMessages.UNSUPPORTED_QUERY_ALGORITHM);
        }
        String date = query.first(DATE);
        String signedHeaders = query.first(SIGNED_HEADERS);
        String signature = query.first(SIGNATURE);
        String expires = query.first(EXPIRES);
        if (isBlank(algorithm) || isBlank(credential) || isBlank(date) || isBlank(signedHeaders) || isBlank(signature)
                || (s3 && isBlank(expires))) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                    s3 ? AwsMessages.QUERY_PARAMETERS_MISSING_S3 : AwsMessages.QUERY_PARAMETERS_MISSING_QUERY);
        }
        Duration lifetime = isBlank(expires) ? null : expires(expires);
        Instant time = AmzDate.parseBasic(date);
        if (time == null) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, AwsMessages.QUERY_DATE_FORMAT);
        }
        CredentialText parsed = CredentialText.parse(credential, s3, true);
        parsed.requireDateOf(date, s3, true);
        List<String> headerNames = SignedHeaderNames.parse(signedHeaders, s3);
        return new SignatureClaim(parsed.accessKeyId(), parsed.scope(), parsed.scopeText(), headerNames, signedHeaders,
                signature, date, time, lifetime, true, query.first(SECURITY_TOKEN));
    }

    private static Duration expires(String text) throws AuthenticationException {
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, AwsMessages.EXPIRES_NOT_A_NUMBER);
        }
        if (seconds < 0) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, AwsMessages.EXPIRES_NEGATIVE);
        }
        // 0 is well formed, as in S3: a URL that has expired the moment it was made (RequestFreshness refuses it)
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, AwsMessages.EXPIRES_TOO_LONG);
        }
        return Duration.ofSeconds(seconds);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }
}
