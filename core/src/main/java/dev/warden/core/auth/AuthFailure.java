package dev.warden.core.auth;

/**
 * Why a request could not be authenticated, with the error code and HTTP status AWS answers for it. The Query-protocol
 * services (IAM, STS, ...) and S3 name some failures differently; {@link #code(boolean)} gives each its own.
 */
public enum AuthFailure {
    /** No credentials at all. */
    MISSING_AUTHENTICATION("MissingAuthenticationToken", "AccessDenied", 403),
    /** Some part of the signature is missing or malformed (credential scope, signed headers, algorithm, date). */
    INCOMPLETE_SIGNATURE("IncompleteSignature", "AuthorizationHeaderMalformed", 400),
    /**
     * A presigned URL's query parameters are missing or malformed ({@code X-Amz-Credential}, {@code X-Amz-Date},
     * {@code X-Amz-Expires}, ...): S3 says so with its own code.
     */
    QUERY_PARAMETERS_MALFORMED("IncompleteSignature", "AuthorizationQueryParametersError", 400),
    /** The credential scope names a Region this endpoint does not serve. */
    WRONG_REGION("SignatureDoesNotMatch", "AuthorizationHeaderMalformed", 403, 400),
    /** The access key id is unknown, inactive or deleted. */
    UNKNOWN_ACCESS_KEY("InvalidClientTokenId", "InvalidAccessKeyId", 403),
    /** The signature does not match. */
    SIGNATURE_MISMATCH("SignatureDoesNotMatch", "SignatureDoesNotMatch", 403),
    /** The request's date is more than 15 minutes away from the server's clock. */
    CLOCK_SKEW("SignatureDoesNotMatch", "RequestTimeTooSkewed", 403),
    /** A presigned URL past its expiry. */
    PRESIGNED_URL_EXPIRED("ExpiredToken", "AccessDenied", 403),
    /** A session token that is damaged, forged or sealed under an unknown key. */
    INVALID_TOKEN("InvalidClientTokenId", "InvalidToken", 403),
    /** A session token past its expiration. */
    EXPIRED_TOKEN("ExpiredToken", "ExpiredToken", 400),
    /** A retired signing mechanism (SigV2) or an unsupported algorithm. */
    UNSUPPORTED_MECHANISM("InvalidRequest", "InvalidRequest", 400),
    /** The body does not match its signed hash, a chunk signature or its trailing checksum. */
    PAYLOAD_MISMATCH("SignatureDoesNotMatch", "XAmzContentSHA256Mismatch", 403, 400),
    /** Anything unexpected while authenticating: denied, never allowed. */
    INTERNAL("InternalFailure", "InternalError", 500);

    private final String queryCode;
    private final String s3Code;
    private final int status;
    private final int s3Status;

    AuthFailure(String queryCode, String s3Code, int status) {
        this(queryCode, s3Code, status, status);
    }

    AuthFailure(String queryCode, String s3Code, int status, int s3Status) {
        this.s3Status = s3Status;
        this.queryCode = queryCode;
        this.s3Code = s3Code;
        this.status = status;
    }

    /** AWS's error code: S3's when {@code s3}, else the Query-protocol services'. */
    public String code(boolean s3) {
        return s3 ? s3Code : queryCode;
    }

    /** The HTTP status the Query-protocol services answer with. */
    public int status() {
        return status;
    }

    /** The HTTP status AWS answers with: S3's when {@code s3}, else the Query-protocol services'. */
    public int status(boolean s3) {
        return s3 ? s3Status : status;
    }
}
