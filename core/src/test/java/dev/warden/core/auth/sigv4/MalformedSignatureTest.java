package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A signature with a part missing or malformed is refused before any key is looked up, with AWS's error and its words:
 * the Query services' for an IAM request, S3's for S3.
 */
class MalformedSignatureTest {

    private static final String KEY = KeyRing.ACCESS_KEY_ID;

    static Stream<Arguments> iamDamages() {
        return Stream.of(
                damage("an Authorization header with the algorithm alone", r -> Requests.withHeader(r, "Authorization",
                        "AWS4-HMAC-SHA256"), "Authorization header requires 'Credential' parameter. Authorization "
                        + "header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' "
                        + "parameter."),
                damage("no Signature", r -> Requests.editAuthorization(r, ", Signature=\\w+", ""),
                        "Authorization header requires 'Signature' parameter."),
                damage("an empty SignedHeaders",
                        r -> Requests.editAuthorization(r, "SignedHeaders=[^,]+", "SignedHeaders="),
                        "Authorization header requires 'SignedHeaders' parameter."),
                damage("SignedHeaders with an empty name",
                        r -> Requests.editAuthorization(r, "SignedHeaders=", "SignedHeaders=;"),
                        "Authorization header requires 'SignedHeaders' parameter."),
                damage("Credential twice", r -> Requests.editAuthorization(r, "Credential=([^,]+),",
                        "Credential=$1, Credential=$1,"),
                        "The Authorization header names 'Credential' more than once."),
                damage("a Credential of four parts", r -> Requests.editAuthorization(r, "/aws4_request", ""),
                        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                                + "got '" + KEY + "/20261123/us-east-1/iam'"),
                damage("a Credential without access key id", r -> Requests.editAuthorization(r, KEY, ""),
                        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                                + "got '/20261123/us-east-1/iam/aws4_request'"),
                damage("a Credential with another terminator", r -> Requests.editAuthorization(r, "aws4_request",
                        "aws5_request"), "Credential should be scoped with a valid terminator: 'aws4_request', not "
                        + "'aws5_request'."),
                damage("a Credential whose date is not a day", r -> Requests.editAuthorization(r, "/20261123/",
                        "/20261323/"), "Credential must have exactly 5 slash-delimited elements, e.g. "
                        + "keyid/date/region/service/term, got '" + KEY + "/20261323/us-east-1/iam/aws4_request'"),
                damage("a Credential of another day", r -> Requests.editAuthorization(r, "/20261123/", "/20261122/"),
                        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                                + "'20261122' != '20261123', from '20261123T150000Z'."),
                damage("no X-Amz-Date and no Date", r -> Requests.withoutHeader(r, "X-Amz-Date"),
                        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."),
                damage("an X-Amz-Date in ISO 8601's extended format", r -> Requests.withHeader(r, "X-Amz-Date",
                        "2026-11-23T15:00:00Z"), "Date must be in ISO-8601 'basic format'. Got '2026-11-23T15:00:00Z'. "
                        + "See http://en.wikipedia.org/wiki/ISO_8601"),
                damage("an X-Amz-Date of a day that does not exist", r -> Requests.withHeader(r, "X-Amz-Date",
                        "20261131T150000Z"), "Date must be in ISO-8601 'basic format'. Got '20261131T150000Z'. "
                        + "See http://en.wikipedia.org/wiki/ISO_8601"),
                damage("a Date header that is no date",
                        r -> Requests.withHeader(Requests.withoutHeader(r, "X-Amz-Date"), "Date", "yesterday"),
                        "Date must be in ISO-8601 'basic format'. Got 'yesterday'. "
                                + "See http://en.wikipedia.org/wiki/ISO_8601"),
                damage("Host not signed", r -> Requests.editAuthorization(r, "host;", ""),
                        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."),
                damage("two Authorization headers",
                        r -> Requests.addHeader(r, "Authorization", r.header("Authorization")),
                        "The Authorization header appears more than once."),
                damage("an Authorization header and a presigned query",
                        r -> Requests.withQuery(r, "X-Amz-Algorithm=AWS4-HMAC-SHA256"),
                        "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query "
                                + "string parameter or the Authorization header should be specified"),
                damage("a query string that is not percent-encoded", r -> Requests.withQuery(r, "Action=%zz"),
                        "The request URI is not correctly percent-encoded."),
                damage("an x-amz-content-sha256 that is no hash", r -> Requests.withHeader(r, "x-amz-content-sha256",
                        "e3b0c442"), AwsMessages.CONTENT_SHA256_INVALID),
                damage("a streamed body without its decoded length", r -> Requests.withHeader(r,
                        "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
                        "x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD requires a valid "
                                + "x-amz-decoded-content-length header."),
                damage("x-amz-trailer without a trailer mode", r -> Requests.withHeader(r, "x-amz-trailer",
                        "x-amz-checksum-crc32"),
                        "x-amz-trailer requires x-amz-content-sha256: STREAMING-...-TRAILER."));
    }

    private static Arguments damage(String what, UnaryOperator<SignedRequest> damage, String message) {
        return Arguments.of(what, damage, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iamDamages")
    void refusesAnIamRequestWith(String what, UnaryOperator<SignedRequest> damage, String message) {
        KeyRing keys = KeyRing.withExampleKey();
        SignedRequest damaged = damage.apply(Requests.iamListUsers().buffered());

        assertThatThrownBy(() -> Requests.verifier(keys).verify(damaged))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.INCOMPLETE_SIGNATURE);
                    assertThat(e).hasMessage(message);
                });
        assertThat(keys.lookups()).isEmpty();
    }

    static Stream<Arguments> s3Damages() {
        return Stream.of(
                damage("no Signature", r -> Requests.editAuthorization(r, ", Signature=\\w+", ""),
                        AwsMessages.S3_AUTHORIZATION_PARTS),
                damage("a Credential of four parts", r -> Requests.editAuthorization(r, "/aws4_request", ""),
                        "The authorization header is malformed; the Credential is mal-formed; expecting "
                                + "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."),
                damage("a Credential with another terminator", r -> Requests.editAuthorization(r, "aws4_request",
                        "aws4_requests"), "The authorization header is malformed; incorrect terminal "
                        + "\"aws4_requests\". This endpoint uses \"aws4_request\"."),
                damage("a Credential of another day", r -> Requests.editAuthorization(r, "/20261123/", "/20261124/"),
                        "The authorization header is malformed; Invalid credential date \"20261124\". This date is not "
                                + "the same as X-Amz-Date: \"20261123\"."),
                damage("no X-Amz-Date", r -> Requests.withoutHeader(r, "X-Amz-Date"),
                        "AWS authentication requires a valid Date or x-amz-date header"),
                damage("no x-amz-content-sha256", r -> Requests.withoutHeader(
                        Requests.editAuthorization(r, "x-amz-content-sha256;", ""), "x-amz-content-sha256"),
                        "Missing required header for this request: x-amz-content-sha256"),
                damage("an unsigned x-amz-* header", r -> Requests.addHeader(Requests.addHeader(r, "X-Amz-Acl",
                        "public-read"), "x-amz-meta-owner", "mallory"), "There were headers present in the request "
                        + "which were not signed (HeadersNotSigned: x-amz-acl, x-amz-meta-owner)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("s3Damages")
    void refusesAnS3RequestWith(String what, UnaryOperator<SignedRequest> damage, String message) {
        SignedRequest damaged = damage.apply(Requests.s3GetObject().request());

        assertThatThrownBy(() -> Requests.verifier(KeyRing.withExampleKey()).verify(damaged))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.INCOMPLETE_SIGNATURE);
                    assertThat(e).hasMessage(message);
                });
    }

    static Stream<Arguments> presignedDamages() {
        return Stream.of(
                damage("no X-Amz-Signature", r -> Requests.withQuery(r, r.rawQuery()
                        .replaceFirst("&?X-Amz-Signature=\\w+", "")), AwsMessages.QUERY_PARAMETERS_MISSING_S3),
                damage("no X-Amz-Expires", r -> Requests.withQuery(r, r.rawQuery()
                        .replaceFirst("&?X-Amz-Expires=\\w+", "")), AwsMessages.QUERY_PARAMETERS_MISSING_S3),
                damage("X-Amz-Expires that is not a number", r -> Requests.withQuery(r, r.rawQuery()
                        .replace("X-Amz-Expires=3600", "X-Amz-Expires=1h")), "X-Amz-Expires should be a number"),
                damage("a negative X-Amz-Expires", r -> Requests.withQuery(r, r.rawQuery()
                        .replace("X-Amz-Expires=3600", "X-Amz-Expires=-1")), "X-Amz-Expires must be non-negative"),
                damage("an X-Amz-Date with dashes", r -> Requests.withQuery(r, r.rawQuery()
                        .replace("X-Amz-Date=20261123T150000Z", "X-Amz-Date=2026-11-23T15:00:00Z")),
                        "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\""),
                damage("X-Amz-Signature twice", r -> Requests.withQuery(r, r.rawQuery() + "&X-Amz-Signature=00"),
                        "The query parameter X-Amz-Signature appears more than once."),
                damage("a credential of another day", r -> Requests.withQuery(r, r.rawQuery()
                        .replace("%2F20261123%2F", "%2F20261122%2F")), "Error parsing the X-Amz-Credential parameter; "
                        + "Invalid credential date \"20261122\". This date is not the same as X-Amz-Date: "
                        + "\"20261123\"."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presignedDamages")
    void refusesAPresignedUrlWith(String what, UnaryOperator<SignedRequest> damage, String message) {
        SignedRequest damaged = damage.apply(Requests.s3Presigned());

        assertThatThrownBy(() -> Requests.verifier(KeyRing.withExampleKey()).verify(damaged))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    // S3's AuthorizationQueryParametersError
                    assertThat(e.failure()).isEqualTo(AuthFailure.QUERY_PARAMETERS_MALFORMED);
                    assertThat(e).hasMessage(message);
                });
    }

    @Test
    void refusesARequestWithoutCredentialsAsMissingAuthentication() {
        SignedRequest anonymous = Requests.withoutHeader(Requests.iamListUsers().buffered(), "Authorization");

        assertThatThrownBy(() -> Requests.verifier(KeyRing.withExampleKey()).verify(anonymous))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.MISSING_AUTHENTICATION);
                    assertThat(e).hasMessage("Request is missing Authentication Token");
                });
    }

    @Test
    void refusesASignatureThatIsNotSixtyFourHexDigitsAsAMismatch() {
        SignedRequest shortSignature = Requests.editAuthorization(Requests.iamListUsers().buffered(),
                "Signature=(\\w{60})\\w{4}", "Signature=$1");

        assertThatThrownBy(() -> Requests.verifier(KeyRing.withExampleKey()).verify(shortSignature))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
                    assertThat(e).hasMessage(AwsMessages.SIGNATURE_MISMATCH_QUERY);
                });
    }

    @Test
    void refusesARequestWithoutASignedHeaderAsAMismatchNamingTheHeader() {
        SignedRequest withoutHeader = Requests.withoutHeader(Requests.iamListUsers().buffered(), "amz-sdk-request");

        assertThatThrownBy(() -> Requests.verifier(KeyRing.withExampleKey()).verify(withoutHeader))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
                    assertThat(e).hasMessage("Header 'amz-sdk-request' is in SignedHeaders but not in the request.");
                });
    }
}
