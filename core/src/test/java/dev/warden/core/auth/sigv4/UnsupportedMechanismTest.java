package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retired and unsupported mechanisms are refused as S3 refuses them for current buckets: SigV2 in its header and
 * query forms (what the AWS CLI v1's {@code s3 presign} still makes), SigV4a, other algorithms, ECDSA-signed chunks,
 * checksums S3 does not know.
 */
class UnsupportedMechanismTest {

    private static final String MESSAGE = "The authorization mechanism you have provided is not supported. Please use "
            + "AWS4-HMAC-SHA256.";

    static Stream<Arguments> mechanisms() {
        return Stream.of(
                mechanism("SigV2 in the Authorization header", r -> Requests.withHeader(r, "Authorization",
                        "AWS AKIAIOSFODNN7EXAMPLE:qgk2+6Sv9/oM7G3qLEjTH1a1l1g="), MESSAGE),
                mechanism("a SigV2 presigned URL", r -> Requests.withQuery(Requests.withoutHeader(r, "Authorization"),
                        "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1795532400"
                                + "&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D"),
                        MESSAGE),
                mechanism("a SigV2 Query-API request",
                        r -> Requests.withQuery(Requests.withoutHeader(r, "Authorization"),
                        "Action=ListUsers&SignatureMethod=HmacSHA256&SignatureVersion=2&Signature=abc%3D"), MESSAGE),
                mechanism("SigV4a", r -> Requests.editAuthorization(r, "^AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256"),
                        MESSAGE),
                mechanism("an unknown scheme", r -> Requests.withHeader(r, "Authorization", "Bearer eyJhbGciOi"),
                        MESSAGE),
                mechanism("a presigned URL with another algorithm", r -> Requests.withQuery(
                        Requests.withoutHeader(r, "Authorization"), "X-Amz-Algorithm=AWS4-HMAC-SHA512"),
                        "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""),
                mechanism("ECDSA-signed chunks", r -> Requests.withHeader(r, "x-amz-content-sha256",
                        "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD"), MESSAGE),
                mechanism("an event stream", r -> Requests.withHeader(r, "x-amz-content-sha256",
                        "STREAMING-AWS4-HMAC-SHA256-EVENTS"), MESSAGE),
                mechanism("a trailing checksum S3 does not know", r -> Requests.withHeader(Requests.withHeader(
                        Requests.withHeader(r, "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
                        "x-amz-decoded-content-length", "10"), "x-amz-trailer", "x-amz-checksum-md5"),
                        "The value specified in the x-amz-trailer header is not supported"));
    }

    private static Arguments mechanism(String what, UnaryOperator<SignedRequest> change, String message) {
        return Arguments.of(what, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mechanisms")
    void refuses(String what, UnaryOperator<SignedRequest> change, String message) {
        KeyRing keys = KeyRing.withExampleKey();
        SignedRequest request = change.apply(Requests.iamListUsers().buffered());

        assertThatThrownBy(() -> Requests.verifier(keys).verify(request))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.UNSUPPORTED_MECHANISM);
                    assertThat(e).hasMessage(message);
                    assertThat(e.failure().code(true)).isEqualTo("InvalidRequest");
                    assertThat(e.failure().status()).isEqualTo(400);
                });
        assertThat(keys.lookups()).isEmpty();
    }
}
