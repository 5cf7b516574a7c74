package dev.warden.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** needsRehash: a hash below the hasher's iteration count, of another shape, or unreadable should be replaced. */
class PasswordRehashTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashAtTheCurrentCountIsKept() {
        assertThat(hasher.needsRehash(hasher.hash("pw".toCharArray()))).isFalse();
    }

    @Test
    void anOlderLowerCountStillVerifiesButAsksForARehash() {
        String older = CheapHashes.of("pw");

        assertThat(hasher.verify("pw".toCharArray(), older)).isTrue();
        assertThat(hasher.needsRehash(older)).isTrue();
    }

    @Test
    void raisingTheConfiguredCountMakesExistingHashesAskForARehash() {
        String current = hasher.hash("pw".toCharArray());

        assertThat(new PasswordHasher(1_000_000).needsRehash(current)).isTrue();
    }

    @Test
    void aHigherCountThanConfiguredIsKept() {
        assertThat(hasher.needsRehash("pbkdf2-sha256$900000$AAECAwQFBgcICQoLDA0ODw$"
                + "1j+h90zX49tJj90UoeiqNJN7oenPZj24OnkNRYqOhJo")).isFalse();
    }

    @Test
    void aLongerSaltOrKeyThanTheCurrentShapeAsksForARehash() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        String salt16 = base64.encodeToString(new byte[16]);
        String key32 = base64.encodeToString(new byte[32]);

        assertThat(hasher.needsRehash("pbkdf2-sha256$600000$" + salt16 + "$" + key32)).isFalse();
        assertThat(hasher.needsRehash("pbkdf2-sha256$600000$" + base64.encodeToString(new byte[32]) + "$" + key32))
                .isTrue();
        assertThat(hasher.needsRehash("pbkdf2-sha256$600000$" + salt16 + "$" + base64.encodeToString(new byte[64])))
                .isTrue();
    }

    @Test
    void aMalformedHashAsksForARehash() {
        assertThat(hasher.needsRehash("not a hash")).isTrue();
        assertThat(hasher.needsRehash(null)).isTrue();
    }
}
