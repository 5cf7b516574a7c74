package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request of AWS's SigV4 test suite, in its header form and its presigned form, verifies, and Warden rebuilds
 * exactly the canonical request and string to sign AWS's vectors say it was signed over.
 */
class AwsSigningTestSuiteTest {

    static Stream<SuiteCase> cases() {
        return SuiteCase.all().filter(c -> !(c.presigned() && c.tokenSignedAfter()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifiesTheSignedRequest(SuiteCase suiteCase) throws AuthenticationException {
        KeyRing keys = suiteCase.keys();

        VerifiedRequest<TestCredential> verified = suiteCase.verifier(keys).verify(suiteCase.request());

        assertThat(verified.credential().accessKeyId()).isEqualTo(SuiteCase.ACCESS_KEY_ID);
        assertThat(verified.scope()).hasToString("20150830/us-east-1/service/aws4_request");
        assertThat(verified.presigned()).isEqualTo(suiteCase.presigned());
        assertThat(verified.requestTime()).isEqualTo(SuiteCase.SIGNED_AT);
        assertThat(verified.signingInput().canonicalRequest()).isEqualTo(suiteCase.canonicalRequest());
        assertThat(verified.signingInput().stringToSign()).isEqualTo(suiteCase.stringToSign());
        assertThat(keys.lookups()).containsExactly(
                SuiteCase.ACCESS_KEY_ID + (suiteCase.token() == null ? "" : " with token"));
    }

    @Test
    void coversEveryCaseOfTheSuiteInBothForms() {
        assertThat(SuiteCase.all()).hasSize(2 * 38);
        assertThat(cases()).hasSize(2 * 38 - 1);
    }

    /** {@code post-sts-header-after} adds the session token to the URL after presigning: not signed, so refused. */
    @Test
    void refusesASessionTokenAddedToAPresignedUrlAfterSigning() {
        SuiteCase tokenAfter = SuiteCase.all().filter(c -> c.presigned() && c.tokenSignedAfter()).findFirst()
                .orElseThrow();

        assertThatThrownBy(() -> tokenAfter.verifier(tokenAfter.keys()).verify(tokenAfter.request()))
                .isInstanceOf(AuthenticationException.class)
                .extracting(e -> ((AuthenticationException) e).failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
    }
}
