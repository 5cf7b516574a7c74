package dev.warden.core.iam;

import java.util.regex.Pattern;

/**
 * AWS's constraints on IAM parameters (length and pattern), checked with AWS's own {@code ValidationError}
 * message: {@code 1 validation error detected: Value 'a b' at 'userName' failed to satisfy constraint: Member must
 * satisfy regular expression pattern: [\w+=,.@-]+}.
 *
 * @param field the parameter as AWS names it in messages ({@code userName})
 * @param min minimum length
 * @param max maximum length
 * @param pattern AWS's pattern, or {@code null}
 */
public record Constraint(String field, int min, int max, Pattern pattern) {

    public static final String NAME_PATTERN = "[\\w+=,.@-]+";
    public static final String PATH_PATTERN = "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";

    public static final Constraint USER_NAME = new Constraint("userName", 1, 64, NAME_PATTERN);
    public static final Constraint GROUP_NAME = new Constraint("groupName", 1, 128, NAME_PATTERN);
    public static final Constraint ROLE_NAME = new Constraint("roleName", 1, 64, NAME_PATTERN);
    public static final Constraint POLICY_NAME = new Constraint("policyName", 1, 128, NAME_PATTERN);
    public static final Constraint PATH = new Constraint("path", 1, 512, PATH_PATTERN);
    public static final Constraint PATH_PREFIX = new Constraint("pathPrefix", 1, 512, "\\u002F[\\u0021-\\u007F]*");
    public static final Constraint DESCRIPTION = new Constraint("description", 0, 1000, "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    public static final Constraint TAG_KEY = new Constraint("tags.member.key", 1, 128, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    public static final Constraint TAG_VALUE = new Constraint("tags.member.value", 0, 256, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    public static final Constraint ACCOUNT_ALIAS = new Constraint("accountAlias", 3, 63, "^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");
    public static final Constraint VERSION_ID = new Constraint("versionId", 2, 20, "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
    public static final Constraint ACCESS_KEY_ID = new Constraint("accessKeyId", 16, 128, "[\\w]+");
    public static final Constraint ARN = new Constraint("arn", 20, 2048, (String) null);
    public static final Constraint MFA_DEVICE_NAME = new Constraint("virtualMFADeviceName", 1, 226, "[\\w+=,.@-]+");
    public static final Constraint AUTHENTICATION_CODE = new Constraint("authenticationCode1", 6, 6, "[\\d]+");
    public static final Constraint PASSWORD = new Constraint("password", 1, 128, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    public static final Constraint ASSIGNMENT_STATUS = new Constraint("assignmentStatus", 3, 10, "Assigned|Unassigned|Any");
    public static final Constraint ROLE_SESSION_NAME = new Constraint("roleSessionName", 2, 64, "[\\w+=,.@-]*");
    public static final Constraint EXTERNAL_ID = new Constraint("externalId", 2, 1224, "[\\w+=,.@:\\/-]*");
    public static final Constraint SERIAL_NUMBER = new Constraint("serialNumber", 9, 256, "[\\w+=/:,.@-]*");
    public static final Constraint TOKEN_CODE = new Constraint("tokenCode", 6, 6, "[\\d]*");
    /** The root user's email, as AWS Organizations constrains an account's email address. */
    public static final Constraint EMAIL = new Constraint("email", 6, 64, "[^\\s@]+@[^\\s@]+");
    public static final Constraint SOURCE_IDENTITY = new Constraint("sourceIdentity", 2, 64, "[\\w+=,.@-]*");

    Constraint(String field, int min, int max, String pattern) {
        this(field, min, max, pattern == null ? null : Pattern.compile(pattern));
    }

    /**
     * Checks {@code value}.
     *
     * @throws IamException {@code ValidationError} with AWS's message
     */
    public String check(String value) throws IamException {
        if (value == null) {
            throw validation("Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
        }
        if (value.length() < min) {
            throw validation("Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw validation("Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw validation("Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    private static IamException validation(String detail) {
        return new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: " + detail);
    }
}
