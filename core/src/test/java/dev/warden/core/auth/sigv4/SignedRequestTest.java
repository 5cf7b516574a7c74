package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The container-neutral request: headers looked up in any case with every value kept in order, an immutable copy of
 * what it was given, and nothing secret in what it prints.
 */
class SignedRequestTest {

    @Test
    void looksUpHeadersInAnyCaseAndKeepsEveryValueInOrder() {
        SignedRequest request = new SignedRequest("GET", "/", null,
                Map.of("X-Team", List.of("blue", "red"), "Host", List.of("example.com")), null);

        assertThat(request.header("x-team")).isEqualTo("blue");
        assertThat(request.headerValues("X-TEAM")).containsExactly("blue", "red");
        assertThat(request.header("absent")).isNull();
        assertThat(request.headerValues("absent")).isEmpty();
        assertThat(request.rawQuery()).isEmpty();
    }

    @Test
    void mergesHeaderNamesThatDifferOnlyInCase() {
        SignedRequest request = SignedRequest.builder("GET", "/").header("Zoo", "1").header("zoo", "2").build();

        assertThat(request.headerValues("ZOO")).containsExactly("1", "2");
        assertThat(request.headers()).hasSize(1);
    }

    @Test
    void cannotBeChangedThroughItsHeaders() {
        SignedRequest request = SignedRequest.builder("GET", "/").header("Host", "example.com").build();

        assertThatThrownBy(() -> request.headers().put("Host", List.of("evil.com")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.headerValues("Host").add("evil.com"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void printsNoHeaderValueAndNoBody() {
        SignedRequest request = SignedRequest.builder("POST", "/").rawQuery("token=secret")
                .header("X-Amz-Security-Token", "FwoGZXIvYXdzEBY").header("Authorization", "AWS4-HMAC-SHA256 x")
                .body("Password=hunter2".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(request.toString()).contains("POST", "x-amz-security-token", "16 bytes")
                .doesNotContain("FwoGZXIvYXdzEBY", "hunter2", "secret", "AWS4-HMAC-SHA256");
    }

    @Test
    void equalsAnotherWithTheSameBodyBytes() {
        SignedRequest a = SignedRequest.builder("PUT", "/a").body(new byte[] {1, 2}).build();
        SignedRequest b = SignedRequest.builder("PUT", "/a").body(new byte[] {1, 2}).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }
}
