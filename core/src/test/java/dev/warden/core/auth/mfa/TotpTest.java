package dev.warden.core.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 TOTP: Appendix B's test vectors for SHA-1, SHA-256 and SHA-512, and AWS's parameters. */
class TotpTest {

    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"})
    void rfc6238AppendixBVectors(long seconds, String sha1, String sha256, String sha512) {
        Instant time = Instant.ofEpochSecond(seconds);
        Duration thirty = Duration.ofSeconds(30);

        assertThat(new Totp(OtpAlgorithm.SHA1, 8, thirty).generate(SEED_SHA1, time)).isEqualTo(sha1);
        assertThat(new Totp(OtpAlgorithm.SHA256, 8, thirty).generate(SEED_SHA256, time)).isEqualTo(sha256);
        assertThat(new Totp(OtpAlgorithm.SHA512, 8, thirty).generate(SEED_SHA512, time)).isEqualTo(sha512);
    }

    @Test
    void awsParametersAreSha1SixDigitsThirtySeconds() {
        assertThat(Totp.AWS.digits()).isEqualTo(6);
        assertThat(Totp.AWS.stepDuration()).isEqualTo(Duration.ofSeconds(30));
        // the last 6 digits of the SHA-1 vector: same HMAC, reduced modulo 10^6
        assertThat(Totp.AWS.generate(SEED_SHA1, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.AWS).hasToString("Totp[SHA1, 6 digits, 30 s]");
    }

    @Test
    void aStepRunsFromAMultipleOfThirtySecondsToJustBeforeTheNext() {
        assertThat(Totp.AWS.step(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(Totp.AWS.step(Instant.ofEpochSecond(60))).isEqualTo(2);
        assertThat(Totp.AWS.step(Instant.ofEpochSecond(89, 999_999_999))).isEqualTo(2);
        assertThat(Totp.AWS.step(Instant.ofEpochSecond(-1))).isEqualTo(-1);
    }

    @Test
    void aNewSeedIs40RandomBytesAs64Base32Characters() {
        byte[] first = Totp.newSeed();
        byte[] second = Totp.newSeed();

        assertThat(first).hasSize(Totp.AWS_SEED_BYTES).isNotEqualTo(second);
        assertThat(Base32.encode(first)).hasSize(64);
    }

    @Test
    void theStepIsAPositiveWholeNumberOfSeconds() {
        assertThatThrownBy(() -> new Totp(OtpAlgorithm.SHA1, 6, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Totp(OtpAlgorithm.SHA1, 6, Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Totp(OtpAlgorithm.SHA1, 6, Duration.ofSeconds(60)).step(Instant.ofEpochSecond(120))).isEqualTo(2);
    }
}
