package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request of AWS's test suite, changed in one thing a signature covers (one character of the signature, a
 * signed header's value, the timestamp, the method, the key), is refused for the right reason.
 */
class AwsSigningTestSuiteMutationTest {

    static Stream<Arguments> mutations() {
        return AwsSigningTestSuiteTest.cases().flatMap(c -> Stream.of(
                Arguments.of(c, "one character of the signature",
                        (UnaryOperator<SignedRequest>) r -> flipSignature(c, r), AuthFailure.SIGNATURE_MISMATCH),
                Arguments.of(c, "the Host header's value",
                        (UnaryOperator<SignedRequest>) r -> withHeader(r, "Host", "example.amazonaws.org"),
                        AuthFailure.SIGNATURE_MISMATCH),
                Arguments.of(c, "the timestamp, one second later",
                        (UnaryOperator<SignedRequest>) r -> laterBySecond(c, r), AuthFailure.SIGNATURE_MISMATCH),
                Arguments.of(c, "the method",
                        (UnaryOperator<SignedRequest>) r -> new SignedRequest(r.method().equals("GET") ? "HEAD" : "PUT",
                                r.rawPath(), r.rawQuery(), r.headers(), r.body()),
                        AuthFailure.SIGNATURE_MISMATCH)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mutations")
    void refusesTheRequestChangedIn(SuiteCase suiteCase, String change, UnaryOperator<SignedRequest> mutation,
            AuthFailure expected) {
        SignedRequest changed = mutation.apply(suiteCase.request());

        assertThatThrownBy(() -> suiteCase.verifier(suiteCase.keys()).verify(changed))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.failure()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.warden.core.auth.sigv4.AwsSigningTestSuiteTest#cases")
    void refusesTheRequestSignedWithAnotherSecret(SuiteCase suiteCase) {
        String otherSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEZ";
        KeyRing keys = suiteCase.token() == null ? new KeyRing().add(SuiteCase.ACCESS_KEY_ID, otherSecret)
                : new KeyRing().addSession(SuiteCase.ACCESS_KEY_ID, otherSecret, suiteCase.token());
        assertThatThrownBy(() -> suiteCase.verifier(keys).verify(suiteCase.request()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.warden.core.auth.sigv4.AwsSigningTestSuiteTest#cases")
    void refusesTheRequestOfAnUnknownKey(SuiteCase suiteCase) {
        assertThatThrownBy(() -> suiteCase.verifier(new KeyRing()).verify(suiteCase.request()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.failure()).isEqualTo(AuthFailure.UNKNOWN_ACCESS_KEY));
    }

    private static SignedRequest flipSignature(SuiteCase c, SignedRequest r) {
        if (c.presigned()) {
            return withQuery(r, r.rawQuery().replaceFirst("X-Amz-Signature=(.)",
                    "X-Amz-Signature=" + (r.rawQuery().contains("X-Amz-Signature=0") ? "1" : "0")));
        }
        String authorization = r.header("Authorization");
        char last = authorization.charAt(authorization.length() - 1);
        return withHeader(r, "Authorization",
                authorization.substring(0, authorization.length() - 1) + (last == '0' ? '1' : '0'));
    }

    private static SignedRequest laterBySecond(SuiteCase c, SignedRequest r) {
        String later = AmzDate.formatBasic(Instant.parse("2015-08-30T12:36:01Z"));
        if (c.presigned()) {
            return withQuery(r, r.rawQuery().replace("X-Amz-Date=20150830T123600Z", "X-Amz-Date=" + later));
        }
        return withHeader(r, "X-Amz-Date", later);
    }

    static SignedRequest withHeader(SignedRequest r, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers().forEach((n, v) -> headers.put(n, new ArrayList<>(v)));
        headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
        headers.put(name, List.of(value));
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    static SignedRequest withQuery(SignedRequest r, String rawQuery) {
        return new SignedRequest(r.method(), r.rawPath(), rawQuery, r.headers(), r.body());
    }
}
