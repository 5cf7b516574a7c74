package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * S3 URLs presigned by the AWS SDK for Java v2's signer are good from their date until they expire, and not a second
 * longer; their signed parts cannot be changed and nothing unsigned of S3's can be added.
 */
class PresignedUrlTest {

    private static final Instant SIGNED_AT = SdkSigner.SIGNED_AT;

    private final KeyRing keys = KeyRing.withExampleKey();

    static SdkHttpRequest getObject() {
        return SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https")
                .host("downloads.s3.us-east-1.amazonaws.com").encodedPath("/reports/q3%20final.pdf")
                .appendRawQueryParameter("response-content-disposition", "attachment; filename=\"q3.pdf\"")
                .build();
    }

    private SigV4Verifier<TestCredential> verifierAt(Instant now) {
        return new SigV4Verifier<>(keys, Clock.fixed(now, ZoneOffset.UTC));
    }

    private SignedRequest presigned(Duration expiry) {
        return SdkSigner.withExampleKey().presignS3(getObject(), expiry).request();
    }

    @Test
    void verifiesAPresignedGetWithinItsLifetime() throws AuthenticationException {
        SignedRequest request = presigned(Duration.ofHours(1));

        VerifiedRequest<TestCredential> verified = verifierAt(SIGNED_AT.plus(Duration.ofMinutes(59))).verify(request);

        assertThat(verified.presigned()).isTrue();
        assertThat(verified.signedHeaders()).containsExactly("host");
        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.UNSIGNED);
        assertThat(verified.expiresAt()).contains(SIGNED_AT.plus(Duration.ofHours(1)));
        assertThat(request.rawQuery()).contains("X-Amz-Expires=3600").doesNotContain("X-Amz-Security-Token");
    }

    @Test
    void verifiesAPresignedUrlUpToTheSecondItExpires() throws AuthenticationException {
        SignedRequest request = presigned(Duration.ofMinutes(5));

        assertThat(verifierAt(SIGNED_AT.plusSeconds(300)).verify(request).presigned()).isTrue();
        assertThatThrownBy(() -> verifierAt(SIGNED_AT.plusSeconds(301)).verify(request))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.PRESIGNED_URL_EXPIRED);
                    assertThat(e).hasMessage("Request has expired");
                });
    }

    @Test
    void verifiesAPresignedUrlValidForSevenDaysOnItsLastDay() throws AuthenticationException {
        SignedRequest request = presigned(Duration.ofDays(7));

        assertThat(verifierAt(SIGNED_AT.plus(Duration.ofDays(7)).minusSeconds(1)).verify(request).expiresAt())
                .contains(SIGNED_AT.plus(Duration.ofDays(7)));
    }

    @Test
    void refusesAPresignedUrlValidForMoreThanSevenDays() {
        SignedRequest request = AwsSigningTestSuiteMutationTest.withQuery(presigned(Duration.ofDays(7)),
                presigned(Duration.ofDays(7)).rawQuery().replace("X-Amz-Expires=604800", "X-Amz-Expires=604801"));

        assertThatThrownBy(() -> verifierAt(SIGNED_AT).verify(request))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.QUERY_PARAMETERS_MALFORMED);
                    assertThat(e.failure().code(true)).isEqualTo("AuthorizationQueryParametersError");
                    assertThat(e.failure().status(true)).isEqualTo(400);
                    assertThat(e).hasMessage("X-Amz-Expires must be less than a week (in seconds) that is 604800");
                });
    }

    @Test
    void aPresignedUrlValidForZeroSecondsHasExpiredTheMomentItWasMade() {
        SignedRequest request = AwsSigningTestSuiteMutationTest.withQuery(presigned(Duration.ofMinutes(5)),
                presigned(Duration.ofMinutes(5)).rawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=0"));

        assertThatThrownBy(() -> verifierAt(SIGNED_AT).verify(request))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.PRESIGNED_URL_EXPIRED);
                    assertThat(e).hasMessage("Request has expired");
                    assertThat(e.details()).containsExactly(java.util.Map.entry("X-Amz-Expires", "0"),
                            java.util.Map.entry("Expires", SIGNED_AT.toString()),
                            java.util.Map.entry("ServerTime", SIGNED_AT.toString()));
                });
    }

    @Test
    void refusesAPresignedUrlDatedMoreThanFifteenMinutesAhead() {
        SignedRequest request = presigned(Duration.ofHours(1));

        assertThat(catchFailure(verifierAt(SIGNED_AT.minus(Duration.ofMinutes(16))), request))
                .isEqualTo(AuthFailure.CLOCK_SKEW);
    }

    @Test
    void refusesAPresignedUrlWhoseExpiryWasLengthened() {
        SignedRequest request = presigned(Duration.ofMinutes(5));
        SignedRequest lengthened = AwsSigningTestSuiteMutationTest.withQuery(request,
                request.rawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=3600"));

        assertThat(catchFailure(verifierAt(SIGNED_AT.plus(Duration.ofMinutes(30))), lengthened))
                .isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
    }

    @Test
    void refusesAPresignedUrlWithAnotherObjectKey() {
        SignedRequest request = presigned(Duration.ofMinutes(5));
        SignedRequest otherKey = new SignedRequest("GET", "/reports/q4%20final.pdf", request.rawQuery(),
                request.headers(), null);

        assertThat(catchFailure(verifierAt(SIGNED_AT), otherKey)).isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
    }

    @Test
    void refusesAPresignedUrlWithAnUnsignedAmzHeaderAdded() {
        SignedRequest request = AwsSigningTestSuiteMutationTest.withHeader(presigned(Duration.ofMinutes(5)),
                "x-amz-copy-source", "/secrets/key");

        assertThatThrownBy(() -> verifierAt(SIGNED_AT).verify(request))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.INCOMPLETE_SIGNATURE);
                    assertThat(e).hasMessage("There were headers present in the request which were not signed "
                            + "(HeadersNotSigned: x-amz-copy-source)");
                });
    }

    @Test
    void verifiesAPresignedUrlOfTemporaryCredentialsWithTheTokenInTheQuery() throws AuthenticationException {
        String token = "FwoGZXIvYXdzEBYaDH//example+token/with=padding==";
        keys.addSession("ASIAIOSFODNN7EXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", token);
        SignedRequest request = SdkSigner.withSession("ASIAIOSFODNN7EXAMPLE",
                "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", token).presignS3(getObject(), Duration.ofMinutes(10))
                .request();

        VerifiedRequest<TestCredential> verified = verifierAt(SIGNED_AT).verify(request);

        assertThat(verified.accessKeyId()).isEqualTo("ASIAIOSFODNN7EXAMPLE");
        assertThat(request.rawQuery()).contains("X-Amz-Security-Token=");
        assertThat(keys.lookups()).containsExactly("ASIAIOSFODNN7EXAMPLE with token");
    }

    static AuthFailure catchFailure(SigV4Verifier<TestCredential> verifier, SignedRequest request) {
        try {
            verifier.verify(request);
            return null;
        } catch (AuthenticationException e) {
            return e.failure();
        }
    }
}
