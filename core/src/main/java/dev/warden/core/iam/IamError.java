package dev.warden.core.iam;

/** AWS IAM's (and STS's) error codes, with the HTTP status AWS answers them with. */
public enum IamError {
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
    NO_SUCH_ENTITY("NoSuchEntity", 404),
    LIMIT_EXCEEDED("LimitExceeded", 409),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
    DELETE_CONFLICT("DeleteConflict", 409),
    INVALID_INPUT("InvalidInput", 400),
    VALIDATION_ERROR("ValidationError", 400),
    UNMODIFIABLE_ENTITY("UnmodifiableEntity", 400),
    ACCESS_DENIED("AccessDenied", 403),
    CONCURRENT_MODIFICATION("ConcurrentModification", 409),
    INVALID_ACTION("InvalidAction", 400),
    SERVICE_FAILURE("ServiceFailure", 500),
    INVALID_USER_TYPE("InvalidUserType", 400),
    PASSWORD_POLICY_VIOLATION("PasswordPolicyViolation", 400),
    ENTITY_TEMPORARILY_UNMODIFIABLE("EntityTemporarilyUnmodifiable", 409),
    /** GetCredentialReport: no report was ever generated for the account. */
    REPORT_NOT_PRESENT("ReportNotPresent", 410),
    /** GetCredentialReport: the account's latest report is more than four hours old. */
    REPORT_EXPIRED("ReportExpired", 410),
    INVALID_AUTHENTICATION_CODE("InvalidAuthenticationCode", 403),
    /** STS AssumeRoleWithWebIdentity: the web identity token could not be validated. */
    INVALID_IDENTITY_TOKEN("InvalidIdentityToken", 400),
    /** STS AssumeRoleWithWebIdentity: the web identity token has expired. */
    EXPIRED_TOKEN_EXCEPTION("ExpiredTokenException", 400),
    /** STS AssumeRoleWithWebIdentity: a claim of the token is not acceptable (not yet valid). */
    IDP_REJECTED_CLAIM("IDPRejectedClaim", 403),
    /** STS: the session policies and tags are too large once packed. */
    PACKED_POLICY_TOO_LARGE("PackedPolicyTooLarge", 400),
    /** STS: an encoded authorization message that does not open. */
    INVALID_AUTHORIZATION_MESSAGE("InvalidAuthorizationMessageException", 400);

    private final String code;
    private final int httpStatus;

    IamError(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** AWS's code, e.g. {@code NoSuchEntity}. */
    public String code() {
        return code;
    }

    /** The HTTP status AWS answers with. */
    public int httpStatus() {
        return httpStatus;
    }
}
