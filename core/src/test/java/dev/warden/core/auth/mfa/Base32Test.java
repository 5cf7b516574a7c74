package dev.warden.core.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4648 Base32: the RFC's test vectors, round trips, and strict decoding that never quotes the text. */
class Base32Test {

    @ParameterizedTest
    @CsvSource({"'', '', ''", "f, MY, MY======", "fo, MZXQ, MZXQ====", "foo, MZXW6, MZXW6===", "foob, MZXW6YQ, MZXW6YQ=",
            "fooba, MZXW6YTB, MZXW6YTB", "foobar, MZXW6YTBOI, MZXW6YTBOI======"})
    void rfc4648TestVectorsEncodeWithoutPaddingAndDecodeEitherWay(String data, String unpadded, String padded) {
        byte[] bytes = data.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(bytes)).isEqualTo(unpadded);
        assertThat(Base32.decode(unpadded)).isEqualTo(bytes);
        assertThat(Base32.decode(padded)).isEqualTo(bytes);
    }

    @Test
    void anAwsSizedSeedIs64CharactersAndRoundTrips() {
        byte[] seed = new byte[40];
        new Random(7).nextBytes(seed);

        String text = Base32.encode(seed);

        assertThat(text).hasSize(64).matches("[A-Z2-7]+");
        assertThat(Base32.decode(text)).isEqualTo(seed);
    }

    @Test
    void everyLengthRoundTrips() {
        Random random = new Random(42);
        for (int length = 0; length <= 100; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertThat(Base32.decode(Base32.encode(data))).isEqualTo(data);
        }
    }

    @Test
    void lowerCaseDecodesToo() {
        assertThat(Base32.decode("mzxw6ytboi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW6YTB0I", "MZXW6YTB1I", "MZXW6YTB8I", "MZXW 6YTB", "MZXW-6YTB", "MZXW6YTBÖI", "MZ=XW6YTB"})
    void aCharacterOutsideTheAlphabetIsRefused(String text) {
        assertThatThrownBy(() -> Base32.decode(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Base32 text has a character outside A-Z and 2-7 at position ")
                .hasMessageNotContaining(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"M", "MZX", "MZXW6Y", "MZXW6YTBM"})
    void aLengthNoEncodingHasIsRefused(String text) {
        assertThatThrownBy(() -> Base32.decode(text))
                .hasMessageStartingWith("Base32 text has a length no encoding has");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MY=", "MY=====", "MY=======", "MZXW6YTB========", "MZXQ======"})
    void wrongPaddingIsRefused(String text) {
        assertThatThrownBy(() -> Base32.decode(text)).hasMessage("Base32 text has wrong padding");
    }

    @Test
    void unusedBitsMustBeZero() {
        // "MZ" would be 'f' plus two set bits that no encoder writes
        assertThatThrownBy(() -> Base32.decode("MZ"))
                .hasMessage("Base32 text is not canonical (unused bits are not zero)");
    }
}
