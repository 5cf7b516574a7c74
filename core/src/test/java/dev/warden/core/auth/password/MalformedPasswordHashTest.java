package dev.warden.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A malformed stored hash fails closed, one fault at a time: verify is false (never an exception), needsRehash is
 * true, and checkEncoding names the faulty part without quoting any of it.
 */
class MalformedPasswordHashTest {

    private static final String SALT = "AAECAwQFBgcICQoLDA0ODw";
    private static final String KEY = "1j+h90zX49tJj90UoeiqNJN7oenPZj24OnkNRYqOhJo";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String FIELDS = "password hash is not 4 fields separated by '$' "
            + "(pbkdf2-sha256$iterations$salt$key): it has ";
    private static final String COUNT = "password hash iteration count is not a whole number from 1 to 10000000";

    private final PasswordHasher hasher = new PasswordHasher();

    static Stream<Arguments> malformed() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return Stream.of(
                Arguments.of("", FIELDS + "1"),
                Arguments.of("hunter2", FIELDS + "1"),
                Arguments.of("pbkdf2-sha256$1$" + SALT, FIELDS + "3"),
                Arguments.of("pbkdf2-sha256$1$" + SALT + "$" + KEY + "$", FIELDS + "5"),
                Arguments.of("$pbkdf2-sha256$1$" + SALT + "$" + KEY, FIELDS + "5"),
                Arguments.of("pbkdf2-sha1$1$" + SALT + "$" + KEY, "password hash does not use the pbkdf2-sha256 scheme"),
                Arguments.of("PBKDF2-SHA256$1$" + SALT + "$" + KEY, "password hash does not use the pbkdf2-sha256 scheme"),
                Arguments.of("pbkdf2-sha256$$" + SALT + "$" + KEY, COUNT),
                Arguments.of("pbkdf2-sha256$abc$" + SALT + "$" + KEY, COUNT),
                Arguments.of("pbkdf2-sha256$0$" + SALT + "$" + KEY, COUNT),
                Arguments.of("pbkdf2-sha256$-1$" + SALT + "$" + KEY, COUNT),
                Arguments.of("pbkdf2-sha256$+1$" + SALT + "$" + KEY, COUNT),
                Arguments.of("pbkdf2-sha256$01$" + SALT + "$" + KEY, COUNT),
                Arguments.of("pbkdf2-sha256$ 1$" + SALT + "$" + KEY, COUNT),
                Arguments.of("pbkdf2-sha256$1.0$" + SALT + "$" + KEY, COUNT),
                Arguments.of("pbkdf2-sha256$10000001$" + SALT + "$" + KEY, COUNT),
                Arguments.of("pbkdf2-sha256$99999999999$" + SALT + "$" + KEY, COUNT),
                Arguments.of("pbkdf2-sha256$1$not base64!$" + KEY, "password hash salt is not base64"),
                Arguments.of("pbkdf2-sha256$1$$" + KEY, "password hash salt has 0 bytes, expected 16 to 64"),
                Arguments.of("pbkdf2-sha256$1$" + base64.encodeToString(new byte[8]) + "$" + KEY,
                        "password hash salt has 8 bytes, expected 16 to 64"),
                Arguments.of("pbkdf2-sha256$1$" + base64.encodeToString(new byte[65]) + "$" + KEY,
                        "password hash salt has 65 bytes, expected 16 to 64"),
                Arguments.of("pbkdf2-sha256$1$" + SALT + "$" + KEY.replace('j', '#'), "password hash key is not base64"),
                Arguments.of("pbkdf2-sha256$1$" + SALT + "$", "password hash key has 0 bytes, expected 32 to 64"),
                Arguments.of("pbkdf2-sha256$1$" + SALT + "$" + KEY.substring(0, 22),
                        "password hash key has 16 bytes, expected 32 to 64"),
                Arguments.of("pbkdf2-sha256$1$" + SALT + "$" + base64.encodeToString(new byte[65]),
                        "password hash key has 65 bytes, expected 32 to 64"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedHashIsFalseAndAsksForARehash(String encoded, String reason) {
        assertThat(hasher.verify(PASSWORD.toCharArray(), encoded)).isFalse();
        assertThat(hasher.needsRehash(encoded)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void checkEncodingNamesTheFaultWithoutQuotingTheHash(String encoded, String reason) {
        assertThatThrownBy(() -> PasswordHasher.checkEncoding(encoded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(reason)
                .satisfies(e -> Arrays.stream(encoded.split("\\$"))
                        .filter(part -> part.length() > 3 && !part.equals("pbkdf2-sha256"))
                        .forEach(part -> assertThat(e.getMessage()).doesNotContain(part)));
    }

    @Test
    void aMissingHashIsNamedAsMissing() {
        assertThatThrownBy(() -> PasswordHasher.checkEncoding(null)).hasMessage("password hash is missing");
    }

    @Test
    void aWellFormedHashPassesTheCheck() {
        PasswordHasher.checkEncoding("pbkdf2-sha256$1$" + SALT + "$" + KEY);
        PasswordHasher.checkEncoding(hasher.hash("pw".toCharArray()));
    }
}
