package dev.warden.core.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.MasterKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final MasterKey MASTER = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
    private static final String KEY_ID = "ASIAEXAMPLEEXAMPLE12";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private final SessionTokens tokens = new SessionTokens(SessionTokenKeys.derivedFrom(MASTER));

    private static SessionClaims claims() {
        return new SessionClaims(SessionClaims.Type.ROLE_SESSION,
                "arn:aws:sts::111122223333:assumed-role/reader/alice", "AROAEXAMPLE:alice", SECRET, NOW,
                NOW.plusSeconds(3_600), NOW.minusSeconds(30), List.of("{\"Version\":\"2012-10-17\"}"),
                Map.of("team", "blue"), List.of("team"), "alice@example.com", true);
    }

    @Test
    void aSealedTokenOpensToItsClaimsForItsAccessKey() throws Exception {
        String token = tokens.seal(KEY_ID, claims());

        assertThat(token).startsWith("WST1.1.").doesNotContain(SECRET).doesNotContain("alice");
        assertThat(tokens.open(KEY_ID, token, NOW.plusSeconds(60))).isEqualTo(claims());
    }

    @Test
    void aTokenPresentedWithAnotherAccessKeyIdDoesNotOpen() {
        String token = tokens.seal(KEY_ID, claims());

        assertThatThrownBy(() -> tokens.open("ASIAOTHEROTHEROTHER1", token, NOW))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.failure()).isEqualTo(AuthFailure.INVALID_TOKEN));
    }

    @Test
    void everyChangedCharacterOfATokenMakesItInvalid() {
        String token = tokens.seal(KEY_ID, claims());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String tampered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThatThrownBy(() -> tokens.open(KEY_ID, tampered, NOW)).as("change at " + i)
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.failure()).isEqualTo(AuthFailure.INVALID_TOKEN));
        }
    }

    @Test
    void aTokenHasOneSpellingEvenWhereBase64IgnoresTheLastCharactersLowBits() {
        String token = tokens.seal(KEY_ID, claims());
        String sealed = token.substring(token.lastIndexOf('.') + 1);
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(sealed);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int respelled = 0;
        for (char c : alphabet.toCharArray()) {
            String other = sealed.substring(0, sealed.length() - 1) + c;
            if (!other.equals(sealed) && java.util.Arrays.equals(java.util.Base64.getUrlDecoder().decode(other), bytes)) {
                respelled++;
                String tampered = token.substring(0, token.length() - sealed.length()) + other;
                assertThatThrownBy(() -> tokens.open(KEY_ID, tampered, NOW)).as(tampered)
                        .isInstanceOfSatisfying(AuthenticationException.class,
                                e -> assertThat(e.failure()).isEqualTo(AuthFailure.INVALID_TOKEN));
            }
        }
        assertThat(respelled).as("the sealed bytes leave unused bits in the last character").isPositive();
    }

    @Test
    void malformedTokensAreInvalidNotErrors() {
        for (String bad : List.of("", "WST1.", "WST1.1", "WST1.1.", "WST1.1.!!!", "WST1.9.AAAA", "IQoJb3JpZ2luX2Vj",
                "WST1.1." + "A".repeat(20_000))) {
            assertThatThrownBy(() -> tokens.open(KEY_ID, bad, NOW)).as(bad)
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.failure()).isEqualTo(AuthFailure.INVALID_TOKEN);
                        assertThat(e.getMessage()).isEqualTo("The security token included in the request is invalid.");
                    });
        }
    }

    @Test
    void aTokenExpiresAtItsExpirationToTheSecond() throws Exception {
        String token = tokens.seal(KEY_ID, claims());

        assertThat(tokens.open(KEY_ID, token, NOW.plusSeconds(3_599))).isNotNull();
        assertThatThrownBy(() -> tokens.open(KEY_ID, token, NOW.plusSeconds(3_600)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.EXPIRED_TOKEN);
                    assertThat(e.getMessage()).isEqualTo("The security token included in the request is expired");
                });
    }

    @Test
    void afterRotationOldTokensOpenWhileTheOldKeyIsAcceptedAndNotAfter() throws Exception {
        String old = tokens.seal(KEY_ID, claims());
        SessionTokens rotated = new SessionTokens(SessionTokenKeys.derivedFrom(MASTER, "2", List.of("1")));
        SessionTokens retired = new SessionTokens(SessionTokenKeys.derivedFrom(MASTER, "2", List.of()));

        assertThat(rotated.seal(KEY_ID, claims())).startsWith("WST1.2.");
        assertThat(rotated.open(KEY_ID, old, NOW)).isEqualTo(claims());
        assertThatThrownBy(() -> retired.open(KEY_ID, old, NOW)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anotherMasterKeyCannotOpenATokenNorForgeOne() {
        byte[] other = new byte[32];
        other[0] = 1;
        SessionTokens foreign = new SessionTokens(SessionTokenKeys.derivedFrom(
                MasterKey.fromBase64(Base64.getEncoder().encodeToString(other))));

        assertThatThrownBy(() -> foreign.open(KEY_ID, tokens.seal(KEY_ID, claims()), NOW))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> tokens.open(KEY_ID, foreign.seal(KEY_ID, claims()), NOW))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void claimsNeverShowTheirSecret() {
        assertThat(claims().toString()).doesNotContain(SECRET);
    }

    @Test
    void keyIdsAreCheckedWhenTheRingIsBuilt() {
        assertThatThrownBy(() -> SessionTokenKeys.derivedFrom(MASTER, "bad id", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad id'");
    }
}
