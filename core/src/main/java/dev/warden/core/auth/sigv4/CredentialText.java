package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.time.LocalDate;

/**
 * A parsed {@code Credential}: {@code AKID/yyyyMMdd/region/service/aws4_request}.
 *
 * @param scopeText everything after the access key id, exactly as sent
 */
record CredentialText(String accessKeyId, CredentialScope scope, String scopeText, String dateText) {

    /**
     * Whether a credential, even a malformed one, names an S3 service: that decides which words the errors use before
     * the credential is parsed. A presigned URL whose service cannot be told is taken for S3's, which is where
     * presigned URLs are used.
     */
    static boolean namesS3(String credential, boolean presigned) {
        int slash = -1;
        for (int i = 0; i < 3 && credential != null; i++) {
            slash = credential.indexOf('/', slash + 1);
            if (slash < 0) {
                return presigned;
            }
        }
        if (credential == null) {
            return presigned;
        }
        int end = credential.indexOf('/', slash + 1);
        return ServiceNames.isS3(credential.substring(slash + 1, end < 0 ? credential.length() : end));
    }

    static CredentialText parse(String credential, boolean s3, boolean presigned) throws AuthenticationException {
        String[] parts = split(credential);
        if (parts == null || parts[0].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                    AwsMessages.credentialMalformed(credential, s3, presigned));
        }
        if (!parts[4].equals(CredentialScope.TERMINATOR)) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                    AwsMessages.wrongTerminator(parts[4], s3, presigned));
        }
        LocalDate date = ScopeDate.parse(parts[1]);
        if (date == null) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                    AwsMessages.credentialMalformed(credential, s3, presigned));
        }
        return new CredentialText(parts[0], new CredentialScope(date, parts[2], parts[3]),
                credential.substring(parts[0].length() + 1), parts[1]);
    }

    /** The five {@code /}-separated parts, or {@code null} if there are not exactly five. */
    private static String[] split(String credential) {
        String[] parts = new String[5];
        int start = 0;
        for (int i = 0; i < 4; i++) {
            int slash = credential.indexOf('/', start);
            if (slash < 0) {
                return null;
            }
            parts[i] = credential.substring(start, slash);
            start = slash + 1;
        }
        if (credential.indexOf('/', start) >= 0) {
            return null;
        }
        parts[4] = credential.substring(start);
        return parts;
    }

    /** The scope's day must be the request's: a key derived for one day signs nothing on another. */
    void requireDateOf(String amzDate, boolean s3, boolean presigned) throws AuthenticationException {
        if (!amzDate.startsWith(dateText)) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                    AwsMessages.scopeDateMismatch(dateText, amzDate, s3, presigned));
        }
    }
}
