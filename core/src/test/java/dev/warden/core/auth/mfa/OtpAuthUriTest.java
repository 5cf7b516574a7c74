package dev.warden.core.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The otpauth URI: AWS's shape, a configurable issuer (default Warden), percent-encoding, a Base32 secret. */
class OtpAuthUriTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void awsShape() {
        assertThat(OtpAuthUri.totp("Amazon Web Services", "alice@111122223333", SEED)).isEqualTo(
                "otpauth://totp/Amazon%20Web%20Services:alice@111122223333?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Amazon%20Web%20Services");
    }

    @Test
    void theDefaultIssuerIsWarden() {
        assertThat(OtpAuthUri.totp(OtpAuthUri.DEFAULT_ISSUER, "alice@acme", SEED))
                .isEqualTo("otpauth://totp/Warden:alice@acme?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Warden");
    }

    @Test
    void reservedCharactersArePercentEncodedAndTheUriParses() {
        String uri = OtpAuthUri.totp("Acme & Co", "bob+ops=1@acme/prod", SEED);

        assertThat(uri).isEqualTo("otpauth://totp/Acme%20%26%20Co:bob%2Bops%3D1@acme%2Fprod"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme%20%26%20Co");
        URI parsed = URI.create(uri);
        assertThat(parsed.getScheme()).isEqualTo("otpauth");
        assertThat(parsed.getHost()).isEqualTo("totp");
        assertThat(parsed.getPath()).isEqualTo("/Acme & Co:bob+ops=1@acme/prod");
    }

    @Test
    void nonAsciiIsUtf8PercentEncoded() {
        assertThat(OtpAuthUri.totp("Müller", "zoë@1", SEED)).startsWith("otpauth://totp/M%C3%BCller:zo%C3%AB@1?");
    }

    @Test
    void anAwsSeedBecomesA64CharacterSecret() {
        byte[] seed = Totp.newSeed();

        String secret = OtpAuthUri.totp("Warden", "a@1", seed).replaceAll(".*secret=([A-Z2-7]+)&.*", "$1");

        assertThat(secret).hasSize(64);
        assertThat(Base32.decode(secret)).isEqualTo(seed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Acme:Corp"})
    void anIssuerOrAccountThatCannotBeALabelIsRefused(String bad) {
        assertThatThrownBy(() -> OtpAuthUri.totp(bad, "alice@1", SEED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.totp("Warden", bad, SEED)).isInstanceOf(IllegalArgumentException.class);
    }
}
