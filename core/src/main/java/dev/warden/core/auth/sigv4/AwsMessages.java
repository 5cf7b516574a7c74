package dev.warden.core.auth.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The messages AWS answers authentication failures with, in the Query services' words (IAM, STS) or S3's where they
 * differ, so that clients and the people reading their errors see what AWS would have said. Never a secret, never an
 * expected signature.
 */
final class AwsMessages {

    static final String SIGNATURE_MISMATCH_QUERY = "The request signature we calculated does not match the signature "
            + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
            + "for details.";
    static final String SIGNATURE_MISMATCH_S3 = "The request signature we calculated does not match the signature you "
            + "provided. Check your key and signing method.";
    static final String UNSUPPORTED_MECHANISM = "The authorization mechanism you have provided is not supported. "
            + "Please use AWS4-HMAC-SHA256.";
    static final String UNSUPPORTED_QUERY_ALGORITHM = "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"";
    static final String MISSING_AUTHENTICATION_QUERY = "Request is missing Authentication Token";
    static final String MISSING_AUTHENTICATION_S3 = "Access Denied";
    static final String UNKNOWN_KEY_QUERY = "The security token included in the request is invalid.";
    static final String UNKNOWN_KEY_S3 = "The AWS Access Key Id you provided does not exist in our records.";
    static final String SKEWED_S3 = "The difference between the request time and the current time is too large.";
    static final String EXPIRED = "Request has expired";
    static final String NOT_YET_VALID_S3 = "Request is not valid yet";
    static final String PAYLOAD_HASH_MISMATCH = "The provided 'x-amz-content-sha256' header does not match what was "
            + "computed.";
    static final String HOST_NOT_SIGNED = "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";
    static final String TWO_MECHANISMS = "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, "
            + "Signature query string parameter or the Authorization header should be specified";
    static final String EXPIRES_TOO_LONG = "X-Amz-Expires must be less than a week (in seconds) that is 604800";
    static final String EXPIRES_NEGATIVE = "X-Amz-Expires must be non-negative";
    static final String EXPIRES_NOT_A_NUMBER = "X-Amz-Expires should be a number";
    static final String QUERY_PARAMETERS_MISSING_S3 = "Query-string authentication version 4 requires the "
            + "X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires "
            + "parameters.";
    static final String QUERY_PARAMETERS_MISSING_QUERY = "AWS query-string parameters must include 'X-Amz-Algorithm', "
            + "'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders'. Re-examine the query-string "
            + "parameters.";
    static final String QUERY_DATE_FORMAT = "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"";
    static final String DATE_MISSING_QUERY = "Authorization header requires existence of either a 'X-Amz-Date' or a "
            + "'Date' header.";
    static final String DATE_INVALID_S3 = "AWS authentication requires a valid Date or x-amz-date header";
    static final String CONTENT_SHA256_MISSING = "Missing required header for this request: x-amz-content-sha256";
    static final String CONTENT_SHA256_INVALID = "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
            + "STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, "
            + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value.";
    static final String BAD_PERCENT_ENCODING = "The request URI is not correctly percent-encoded.";
    static final String S3_AUTHORIZATION_PARTS = "The authorization header is malformed; the authorization header "
            + "requires three components: Credential, SignedHeaders, and Signature.";
    static final String UNSIGNED_AMZ_HEADERS = "There were headers present in the request which were not signed";

    private static final Duration SKEW = RequestFreshness.ALLOWED_SKEW;

    private AwsMessages() {
    }

    static String signatureMismatch(boolean s3) {
        return s3 ? SIGNATURE_MISMATCH_S3 : SIGNATURE_MISMATCH_QUERY;
    }

    static String missingAuthentication(boolean s3) {
        return s3 ? MISSING_AUTHENTICATION_S3 : MISSING_AUTHENTICATION_QUERY;
    }

    static String unknownKey(boolean s3) {
        return s3 ? UNKNOWN_KEY_S3 : UNKNOWN_KEY_QUERY;
    }

    /** The Query services' "Signature expired" line: the request time, the oldest time allowed, and now. */
    static String signatureExpired(String requestTime, Instant now) {
        return "Signature expired: " + requestTime + " is now earlier than " + AmzDate.formatBasic(now.minus(SKEW))
                + " (" + AmzDate.formatBasic(now) + " - 15 min.)";
    }

    static String signatureNotYetCurrent(String requestTime, Instant now) {
        return "Signature not yet current: " + requestTime + " is still later than "
                + AmzDate.formatBasic(now.plus(SKEW)) + " (" + AmzDate.formatBasic(now) + " + 15 min.)";
    }

    /** One sentence per missing part of the Authorization header, as the Query services list them. */
    static String authorizationPartsMissing(List<String> missing, boolean s3) {
        if (s3) {
            return S3_AUTHORIZATION_PARTS;
        }
        StringBuilder out = new StringBuilder();
        for (String part : missing) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append("Authorization header requires '").append(part).append("' parameter.");
        }
        return out.toString();
    }

    static String credentialMalformed(String credential, boolean s3, boolean presigned) {
        if (s3) {
            return malformedPrefix(presigned)
                    + "; the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";
        }
        return "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                + credential + "'";
    }

    static String wrongTerminator(String terminator, boolean s3, boolean presigned) {
        if (s3) {
            return malformedPrefix(presigned)
                    + "; incorrect terminal \"" + terminator + "\". This endpoint uses \"aws4_request\".";
        }
        return "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'.";
    }

    static String scopeDateMismatch(String scopeDate, String requestTime, boolean s3, boolean presigned) {
        if (s3) {
            return malformedPrefix(presigned)
                    + "; Invalid credential date \"" + scopeDate + "\". This date is not the same as X-Amz-Date: \""
                    + requestTime.substring(0, Math.min(8, requestTime.length())) + "\".";
        }
        return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '" + scopeDate
                + "' != '" + requestTime.substring(0, Math.min(8, requestTime.length())) + "', from '" + requestTime
                + "'.";
    }

    static String dateMissing(boolean s3) {
        return s3 ? DATE_INVALID_S3 : DATE_MISSING_QUERY;
    }

    static String dateMalformed(String value, boolean s3) {
        return s3 ? DATE_INVALID_S3
                : "Date must be in ISO-8601 'basic format'. Got '" + value
                        + "'. See http://en.wikipedia.org/wiki/ISO_8601";
    }

    /** How S3 starts a complaint about the credential, in the header form or the presigned one. */
    private static String malformedPrefix(boolean presigned) {
        return presigned ? "Error parsing the X-Amz-Credential parameter" : "The authorization header is malformed";
    }

    /** S3's words for a credential scope naming another Region than the endpoint's. */
    static String wrongRegionS3(String region, String expected, boolean presigned) {
        return malformedPrefix(presigned) + "; the region '" + region + "' is wrong; expecting '" + expected + "'";
    }

    /** The Query services' words for a credential scope naming a Region they do not serve. */
    static String wrongRegionQuery(String region) {
        return "Credential should be scoped to a valid region, not '" + region + "'.";
    }

    static String signedHeaderAbsent(String name) {
        return "Header '" + name + "' is in SignedHeaders but not in the request.";
    }

    static String unsignedAmzHeaders(List<String> names) {
        return UNSIGNED_AMZ_HEADERS + " (HeadersNotSigned: " + String.join(", ", names) + ")";
    }
}
