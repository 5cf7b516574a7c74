package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthenticationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * A request may be timed by the HTTP {@code Date} header instead of {@code X-Amz-Date}, in RFC 1123's form; the string
 * to sign carries the same instant in ISO 8601's basic form. {@code X-Amz-Date} wins where both are present.
 */
class DateHeaderTest {

    /**
     * Cases of AWS's earlier SigV4 test suite ({@code aws4_testsuite.zip} of 2011-2015, service {@code host}), whose
     * requests carry {@code Date} and no {@code X-Amz-Date}. (Its percent-encoded paths, {@code get-space} and
     * {@code get-utf8}, predate double encoding: the current suite writes those paths unencoded.)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "get-vanilla|/||b27ccfbfa7df52a200ff74193ca6e32d4b48b8856fab7ebf1c595d0670a7e470",
        "get-vanilla-query-order-value|/|foo=b&foo=a|feb926e49e382bec75c9d7dcb2a1b6dc8aa50ca43c25d2bc51143768c0875acc",
        "get-slashes|//foo//||b00392262853cfe3201e47ccf945601079e9b8a7f51ee4c3d9ee4f187aa9bf19",
        "get-relative-relative|/foo/bar/../..||b27ccfbfa7df52a200ff74193ca6e32d4b48b8856fab7ebf1c595d0670a7e470"})
    void verifiesTheEarlierSuitesRequestsTimedByDate(String name, String path, String query, String signature)
            throws AuthenticationException {
        SignedRequest request = SignedRequest.builder("GET", path).rawQuery(query)
                .header("Date", "Mon, 09 Sep 2011 23:36:00 GMT").header("Host", "host.foo.com")
                .header("Authorization", "AWS4-HMAC-SHA256 "
                        + "Credential=AKIDEXAMPLE/20110909/us-east-1/host/aws4_request, "
                        + "SignedHeaders=date;host, Signature=" + signature)
                .body(new byte[0]).build();
        Instant signedAt = Instant.parse("2011-09-09T23:36:00Z");
        SigV4Verifier<TestCredential> verifier = new SigV4Verifier<>(
                new KeyRing().add(SuiteCase.ACCESS_KEY_ID, SuiteCase.SECRET), Clock.fixed(signedAt, ZoneOffset.UTC));

        VerifiedRequest<TestCredential> verified = verifier.verify(request);

        assertThat(verified.requestTime()).isEqualTo(signedAt);
        assertThat(verified.signingInput().stringToSign()).startsWith("AWS4-HMAC-SHA256\n20110909T233600Z\n");
    }

    @Test
    void prefersXAmzDateOverDate() throws AuthenticationException {
        SignedRequest request = SdkSigner.withExampleKey().sign("orders", SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET).protocol("https").host("orders.example.com").encodedPath("/orders/7")
                .putHeader("Date", "Sun, 22 Nov 2026 09:00:00 GMT").build(), new byte[0]).request();

        VerifiedRequest<TestCredential> verified = new SigV4Verifier<>(KeyRing.withExampleKey(),
                Clock.fixed(SdkSigner.SIGNED_AT, ZoneOffset.UTC)).verify(request);

        assertThat(verified.requestTime()).isEqualTo(SdkSigner.SIGNED_AT);
    }
}
