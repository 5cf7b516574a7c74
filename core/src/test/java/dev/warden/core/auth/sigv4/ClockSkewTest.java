package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * A signed request is good within AWS's 15 minutes of the server's clock, either way, and refused beyond with AWS's
 * messages: the Query services say by how much, S3 does not.
 */
class ClockSkewTest {

    private static final Instant NOW = SdkSigner.SIGNED_AT;

    private final SigV4Verifier<TestCredential> verifier =
            new SigV4Verifier<>(KeyRing.withExampleKey(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static SignedRequest iamSignedAt(Instant when) {
        return SdkSigner.withExampleKey().at(when).sign("iam",
                SdkSignedRequestTest.formPost("iam.amazonaws.com", Requests.LIST_USERS),
                Requests.LIST_USERS.getBytes(StandardCharsets.UTF_8)).buffered();
    }

    private static SignedRequest s3SignedAt(Instant when) {
        return SdkSigner.withExampleKey().at(when).signS3Unsigned(SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .protocol("https").host("downloads.s3.amazonaws.com").encodedPath("/a.txt").build(), null).request();
    }

    @ParameterizedTest
    @ValueSource(ints = {-900, -14 * 60, -1, 0, 1, 14 * 60, 900})
    void acceptsARequestSignedWithinFifteenMinutes(int offsetSeconds) throws AuthenticationException {
        Instant signedAt = NOW.plusSeconds(offsetSeconds);

        assertThat(verifier.verify(iamSignedAt(signedAt)).requestTime()).isEqualTo(signedAt);
        assertThat(verifier.verify(s3SignedAt(signedAt)).requestTime()).isEqualTo(signedAt);
    }

    @ParameterizedTest
    @ValueSource(ints = {-16 * 60, -901, 901, 16 * 60, -86_400 * 3, 86_400 * 3})
    void refusesARequestSignedMoreThanFifteenMinutesAway(int offsetSeconds) {
        for (SignedRequest request : new SignedRequest[] {iamSignedAt(NOW.plusSeconds(offsetSeconds)),
                s3SignedAt(NOW.plusSeconds(offsetSeconds))}) {
            assertThatThrownBy(() -> verifier.verify(request))
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.failure()).isEqualTo(AuthFailure.CLOCK_SKEW));
        }
    }

    @Test
    void tellsAQueryClientHowOldItsSignatureIs() {
        assertThatThrownBy(() -> verifier.verify(iamSignedAt(NOW.minus(Duration.ofMinutes(16)))))
                .hasMessage("Signature expired: 20261123T144400Z is now earlier than 20261123T144500Z "
                        + "(20261123T150000Z - 15 min.)");
    }

    @Test
    void tellsAQueryClientHowFarAheadItsSignatureIs() {
        assertThatThrownBy(() -> verifier.verify(iamSignedAt(NOW.plus(Duration.ofMinutes(16)))))
                .hasMessage("Signature not yet current: 20261123T151600Z is still later than 20261123T151500Z "
                        + "(20261123T150000Z + 15 min.)");
    }

    @Test
    void tellsAnS3ClientItsClockIsOff() {
        assertThatThrownBy(() -> verifier.verify(s3SignedAt(NOW.minus(Duration.ofMinutes(16)))))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e).hasMessage("The difference between the request time and the current time is too "
                            + "large.");
                    assertThat(e.failure().code(true)).isEqualTo("RequestTimeTooSkewed");
                });
    }
}
