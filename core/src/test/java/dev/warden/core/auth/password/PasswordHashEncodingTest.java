package dev.warden.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A new hash describes itself: scheme, iteration count, 16-byte salt, 32-byte PBKDF2-HMAC-SHA256 key. */
class PasswordHashEncodingTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aNewHashNamesItsSchemeAndOwaspsIterationCountThenSaltAndKey() {
        String encoded = hasher.hash("correct horse battery staple".toCharArray());

        assertThat(encoded).matches("pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        String[] fields = encoded.split("\\$");
        assertThat(Base64.getDecoder().decode(fields[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(fields[3])).hasSize(32);
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        String first = hasher.hash("same".toCharArray());
        String second = hasher.hash("same".toCharArray());

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[2]).isNotEqualTo(second.split("\\$")[2]);
    }

    @Test
    void aHasherConfiguredHigherWritesItsOwnCount() {
        assertThat(new PasswordHasher(700_000).hash("pw".toCharArray())).startsWith("pbkdf2-sha256$700000$");
    }

    @Test
    void theIterationCountCanOnlyBeConfiguredUpward() {
        assertThatThrownBy(() -> new PasswordHasher(599_999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PBKDF2 iterations must be from 600000 to 10000000, got 599999");
        assertThatThrownBy(() -> new PasswordHasher(10_000_001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PasswordHasher(PasswordHasher.MAXIMUM_ITERATIONS).iterations()).isEqualTo(10_000_000);
    }

    @Test
    void theHasherDescribesItselfWithoutSecrets() {
        assertThat(hasher).hasToString("PasswordHasher[pbkdf2-sha256, 600000 iterations]");
    }
}
