package dev.warden.core.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4226 HOTP: Appendix D's test values, and its limits on digits and key length. */
class HotpTest {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314", "5, 254676", "6, 287922",
            "7, 162583", "8, 399871", "9, 520489"})
    void rfc4226AppendixDValues(long counter, String code) {
        assertThat(new Hotp(OtpAlgorithm.SHA1, 6).generate(SECRET, counter)).isEqualTo(code);
    }

    @Test
    void codesAreZeroPaddedToTheirDigits() {
        // RFC 6238's vector for 1111111109 s (step 37037036) starts with a 0
        assertThat(new Hotp(OtpAlgorithm.SHA1, 8).generate(SECRET, 1)).isEqualTo("94287082");
        assertThat(new Hotp(OtpAlgorithm.SHA1, 8).generate(SECRET, 37037036)).isEqualTo("07081804");
    }

    @Test
    void codesHave6To8Digits() {
        assertThatThrownBy(() -> new Hotp(OtpAlgorithm.SHA1, 5)).hasMessage("one-time passwords have 6 to 8 digits, got 5");
        assertThatThrownBy(() -> new Hotp(OtpAlgorithm.SHA1, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Hotp(OtpAlgorithm.SHA1, 7).generate(SECRET, 0)).hasSize(7);
    }

    @Test
    void aKeyShorterThan128BitsIsRefusedWithoutShowingIt() {
        Hotp hotp = new Hotp(OtpAlgorithm.SHA1, 6);

        assertThatThrownBy(() -> hotp.generate(new byte[15], 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one-time password key must have at least 16 bytes, has 15");
        assertThat(hotp.generate(new byte[16], 0)).hasSize(6);
    }
}
