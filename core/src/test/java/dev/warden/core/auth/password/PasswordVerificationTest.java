package dev.warden.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A hash verifies its own password and nothing else; verification never changes the caller's password array. */
class PasswordVerificationTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theRightPasswordVerifiesAndNearMissesDoNot() {
        String encoded = hasher.hash("Tr0ub4dor&3".toCharArray());

        assertThat(hasher.verify("Tr0ub4dor&3".toCharArray(), encoded)).isTrue();
        assertThat(hasher.verify("tr0ub4dor&3".toCharArray(), encoded)).isFalse();
        assertThat(hasher.verify("Tr0ub4dor&".toCharArray(), encoded)).isFalse();
        assertThat(hasher.verify("".toCharArray(), encoded)).isFalse();
    }

    @Test
    void anEmptyPasswordHashesAndVerifies() {
        String encoded = hasher.hash(new char[0]);

        assertThat(hasher.verify(new char[0], encoded)).isTrue();
        assertThat(hasher.verify(" ".toCharArray(), encoded)).isFalse();
    }

    @Test
    void theCallersArrayIsLeftAsItWas() {
        char[] password = "s3cret!Pass".toCharArray();

        String encoded = hasher.hash(password);
        hasher.verify(password, encoded);

        assertThat(password).containsExactly("s3cret!Pass".toCharArray());
    }

    @Test
    void noPasswordAtAllIsFalseNotAnError() {
        assertThat(hasher.verify("anything".toCharArray(), null)).isFalse();
    }

    @Test
    void aHashOfAHigherConfiguredCountVerifiesWithTheDefaultHasher() {
        String encoded = new PasswordHasher(650_000).hash("pw".toCharArray());

        assertThat(hasher.verify("pw".toCharArray(), encoded)).isTrue();
    }
}
