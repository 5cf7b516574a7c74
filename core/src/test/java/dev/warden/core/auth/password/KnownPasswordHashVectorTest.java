package dev.warden.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hashes computed independently with Python's {@code hashlib.pbkdf2_hmac('sha256', password.encode('utf-8'), salt,
 * iterations, 32)} (salt bytes 0..15) verify: the derivation is PBKDF2-HMAC-SHA256 over the password's UTF-8 bytes.
 */
class KnownPasswordHashVectorTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "correct horse battery staple|pbkdf2-sha256$1$AAECAwQFBgcICQoLDA0ODw$1j+h90zX49tJj90UoeiqNJN7oenPZj24OnkNRYqOhJo",
        "correct horse battery staple|pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4",
        "pässwörd \uD83D\uDD11|pbkdf2-sha256$2$AAECAwQFBgcICQoLDA0ODw$oUQC++3hSrWbLr0J0cy22AelPpCfqMi2p7L8kHZIGyU"})
    void aReferenceHashVerifiesWithItsOwnIterationCount(String password, String encoded) {
        assertThat(hasher.verify(password.toCharArray(), encoded)).isTrue();
    }

    @Test
    void theReferenceHashRejectsAnyOtherPassword() {
        String encoded = "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4";

        assertThat(hasher.verify("correct horse battery stapl".toCharArray(), encoded)).isFalse();
        assertThat(hasher.verify("Correct horse battery staple".toCharArray(), encoded)).isFalse();
        assertThat(hasher.verify("correct horse battery staple ".toCharArray(), encoded)).isFalse();
    }

    @Test
    void theSameKeyUnderAnotherIterationCountDoesNotVerify() {
        // the 1-iteration key relabelled as 1000 iterations
        String relabelled = "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$1j+h90zX49tJj90UoeiqNJN7oenPZj24OnkNRYqOhJo";

        assertThat(hasher.verify("correct horse battery staple".toCharArray(), relabelled)).isFalse();
    }

    @Test
    void paddedBase64IsReadToo() {
        String padded = "pbkdf2-sha256$1$AAECAwQFBgcICQoLDA0ODw==$1j+h90zX49tJj90UoeiqNJN7oenPZj24OnkNRYqOhJo=";

        assertThat(hasher.verify("correct horse battery staple".toCharArray(), padded)).isTrue();
    }
}
