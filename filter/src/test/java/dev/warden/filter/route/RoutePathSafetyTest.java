package dev.warden.filter.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutePathSafetyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /downloads/public/../private/x     | the path holds a '..' segment
            /downloads/public/%2e%2e/private/x | the path holds a '..' segment
            /downloads/public/%2E%2E/private/x | the path holds a '..' segment
            /downloads/./x                     | the path holds a '.' segment
            /downloads/public/..;x/private/x   | the path holds a '..' segment
            /downloads/public/..;/private/x    | the path holds a '..' segment
            /downloads/a%00b                   | the path holds a control character (U+0000)
            /downloads/a%0Ab                   | the path holds a control character (U+000A)
            /downloads/a%zzb                   | malformed percent-encoding at character 1 in path segment 'a%zzb'
            /downloads/a%2                     | malformed percent-encoding at character 1 in path segment 'a%2'
            /downloads/%C3%28                  | percent-encoded bytes that are not UTF-8 in path segment '%C3%28'
            """)
    void pathsThatLayersCouldReadDifferentlyAreRefused(String path, String reason) {
        assertThatThrownBy(() -> RouteMatchingTest.map("GET", path.trim(), null, Map.of()))
                .isInstanceOfSatisfying(RouteRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidURI");
                    assertThat(e.getMessage()).isEqualTo("Couldn't parse the specified URI: " + reason + ".");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            list-type=2&prefix=%zz | malformed percent-encoding at character 0 in query parameter 'prefix=%zz'
            """)
    void aMalformedQueryIsRefused(String query, String reason) {
        assertThatThrownBy(() -> RouteMatchingTest.map("GET", "/downloads", query.trim(), Map.of()))
                .isInstanceOfSatisfying(RouteRequestException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Couldn't parse the specified URI: " + reason + "."));
    }

    @org.junit.jupiter.api.Test
    void anOverlongPathIsRefused() {
        assertThatThrownBy(() -> RouteMatchingTest.map("GET", "/downloads/" + "k".repeat(9000), null, Map.of()))
                .isInstanceOfSatisfying(RouteRequestException.class, e -> assertThat(e.getMessage())
                        .contains("longer than 8192 characters"));
    }

    @org.junit.jupiter.api.Test
    void doubleEncodingIsDecodedOnceOnly() throws Exception {
        assertThat(RouteMatchingTest.map("GET", "/downloads/%252e%252e/x", null, Map.of()).orElseThrow().checks())
                .containsExactly(new Check("s3:GetObject", "arn:aws:s3:::downloads/%2e%2e/x"));
    }
}
