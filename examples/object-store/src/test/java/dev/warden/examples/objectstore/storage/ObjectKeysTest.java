package dev.warden.examples.objectstore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys: at most 1,024 bytes of UTF-8, ordered by their UTF-8 bytes as S3 lists them. */
class ObjectKeysTest {

    @Test
    void keyOf1024BytesIsAcceptedAndOneMoreIsKeyTooLong() {
        assertThatCode(() -> ObjectKeys.validate("k".repeat(1024))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ObjectKeys.validate("k".repeat(1025))).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.failure()).isEqualTo(StoreFailure.KEY_TOO_LONG));
    }

    @Test
    void lengthIsCountedInUtf8Bytes() {
        String threeBytesEach = "\u20ac".repeat(342);

        assertThatThrownBy(() -> ObjectKeys.validate(threeBytesEach)).isInstanceOf(StoreException.class);
        assertThatCode(() -> ObjectKeys.validate("\u20ac".repeat(341))).doesNotThrowAnyException();
    }

    @Test
    void keysSortByCodePointLikeUtf8BytesNotByUtf16Units() {
        String supplementary = new String(Character.toChars(0x1F600));
        List<String> keys = new ArrayList<>(List.of(supplementary, "\uFF21", "a", "A", "é"));

        keys.sort(ObjectKeys.ORDER);

        assertThat(keys).containsExactly("A", "a", "é", "\uFF21", supplementary);
    }
}
