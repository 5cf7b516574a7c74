package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The header form: {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=hex}, timed by {@code X-Amz-Date} (or, failing that, {@code Date}).
 */
final class HeaderAuthorization {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private static final String CREDENTIAL = "Credential=";
    private static final String SIGNED_HEADERS = "SignedHeaders=";
    private static final String SIGNATURE = "Signature=";

    private HeaderAuthorization() {
    }

    /** @param authorization the header's value, which starts with {@link #ALGORITHM} and white space */
    static SignatureClaim parse(String authorization, SignedRequest request) throws AuthenticationException {
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        int length = authorization.length();
        int position = ALGORITHM.length();
        while (position < length) {
            int comma = authorization.indexOf(',', position);
            int end = comma < 0 ? length : comma;
            int from = position;
            while (from < end && Character.isWhitespace(authorization.charAt(from))) {
                from++;
            }
            int to = end;
            while (to > from && Character.isWhitespace(authorization.charAt(to - 1))) {
                to--;
            }
            // names are matched in place: a verification parses this header on every request
            if (authorization.startsWith(CREDENTIAL, from)) {
                credential = once(credential, authorization.substring(from + CREDENTIAL.length(), to), "Credential");
            } else if (authorization.startsWith(SIGNED_HEADERS, from)) {
                signedHeaders = once(signedHeaders, authorization.substring(from + SIGNED_HEADERS.length(), to),
                        "SignedHeaders");
            } else if (authorization.startsWith(SIGNATURE, from)) {
                signature = once(signature, authorization.substring(from + SIGNATURE.length(), to), "Signature");
            }
            // AWS ignores what it does not know between the commas
            position = end + 1;
        }
        boolean s3 = CredentialText.namesS3(credential, false);
        List<String> missing = new ArrayList<>(3);
        if (credential == null || credential.isEmpty()) {
            missing.add("Credential");
        }
        if (signature == null || signature.isEmpty()) {
            missing.add("Signature");
        }
        if (signedHeaders == null || signedHeaders.isEmpty()) {
            missing.add("SignedHeaders");
        }
        if (!missing.isEmpty()) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                    AwsMessages.authorizationPartsMissing(missing, s3));
        }
        CredentialText parsed = CredentialText.parse(credential, s3, false);
        List<String> headerNames = SignedHeaderNames.parse(signedHeaders, s3);

        String amzDate = request.header("x-amz-date");
        Instant time;
        if (amzDate != null) {
            time = AmzDate.parseBasic(amzDate.strip());
            if (time == null) {
                throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                        AwsMessages.dateMalformed(amzDate, s3));
            }
            amzDate = amzDate.strip();
        } else {
            String date = request.header("date");
            if (date == null) {
                throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, AwsMessages.dateMissing(s3));
            }
            time = AmzDate.parseHttpDate(date);
            if (time == null) {
                throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                        AwsMessages.dateMalformed(date, s3));
            }
            amzDate = AmzDate.formatBasic(time);
        }
        parsed.requireDateOf(amzDate, s3, false);
        return new SignatureClaim(parsed.accessKeyId(), parsed.scope(), parsed.scopeText(), headerNames, signedHeaders,
                signature, amzDate, time, null, false, request.header("x-amz-security-token"));
    }

    private static String once(String previous, String value, String name) throws AuthenticationException {
        if (previous != null) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                    "The Authorization header names '" + name + "' more than once.");
        }
        return value;
    }
}
