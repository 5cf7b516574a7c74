package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The canonical path: every service but S3 normalises and encodes the path as sent once more; S3 encodes the path's
 * bytes once, however the client escaped them, and keeps its dots and double slashes.
 */
class CanonicalUriTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''|/",
        "/|/",
        "/a/b|/a/b",
        "//a//b//|/a/b/",
        "/a/./b|/a/b",
        "/a/b/..|/a",
        "/a/b/../|/a/",
        "/../a|/a",
        "/.well-known/x|/.well-known/x",
        "/a%20b|/a%2520b",
        "/a b|/a%20b",
        "/ü|/%C3%BC",
        "/a+b=c|/a%2Bb%3Dc",
        "relative|/relative"})
    void normalisesAndEncodesTwiceForMostServices(String raw, String canonical) {
        assertThat(CanonicalUri.of(raw, UriStyle.NORMALIZED_DOUBLE_ENCODED)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/bucket/a%20b|/bucket/a%20b",
        "/bucket/a+b|/bucket/a%2Bb",
        "/bucket/a%2bb|/bucket/a%2Bb",
        "/bucket/%7Euser|/bucket/~user",
        "/bucket/caf%C3%A9|/bucket/caf%C3%A9",
        "/bucket/café|/bucket/caf%C3%A9",
        "/bucket//a/./b/../c|/bucket//a/./b/../c",
        "/bucket/a!b|/bucket/a%21b",
        "/bucket/%2541|/bucket/%2541"})
    void encodesOnceAndKeepsDotsForS3(String raw, String canonical) {
        assertThat(CanonicalUri.of(raw, UriStyle.SINGLE_ENCODED)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({"/bucket/%zz", "/bucket/%4", "/bucket/%"})
    void refusesAnS3PathThatIsNotPercentEncoded(String raw) {
        assertThatThrownBy(() -> CanonicalUri.of(raw, UriStyle.SINGLE_ENCODED))
                .isInstanceOf(MalformedEncodingException.class);
    }

    @ParameterizedTest
    @CsvSource({"s3,SINGLE_ENCODED", "s3-object-lambda,SINGLE_ENCODED", "s3-outposts,SINGLE_ENCODED",
        "s3express,SINGLE_ENCODED", "iam,NORMALIZED_DOUBLE_ENCODED", "sts,NORMALIZED_DOUBLE_ENCODED",
        "s3tables,NORMALIZED_DOUBLE_ENCODED"})
    void picksS3sStyleForS3sServicesOnly(String service, UriStyle style) {
        assertThat(UriStyle.forService(service)).isEqualTo(style);
    }
}
