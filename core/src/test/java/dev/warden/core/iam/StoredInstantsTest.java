package dev.warden.core.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store's date reader agrees with {@link Instant#parse} on every text, fast path or not. */
class StoredInstantsTest {

    @Test
    void readsBackEveryInstantWarderWrites() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // years 0000-9999, and every fraction length (none, millis, micros, nanos) Instant.toString produces
            long seconds = Math.floorMod(random.nextLong(), 315_537_897_600L) - 62_167_219_200L;
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(StoredInstants.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T15:00:00.5Z", "2026-11-23T15:00:00.123456789Z", "2024-02-29T00:00:00Z",
            "2026-11-23T23:59:60Z", "+12026-11-23T15:00:00Z", "2026-11-23T15:00:00+01:00", "2026-11-23T15:00:00.Z",
            "2026-11-23T24:00:00Z", "2026-11-23t15:00:00z"})
    void agreesWithTheJdkOnUnusualTexts(String text) {
        Instant jdk;
        try {
            jdk = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> StoredInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(StoredInstants.parse(text)).isEqualTo(jdk);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-11-23", "2026-11-23T15:00:00", "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-23T15:60:00Z", "2026-11-23T15:00:00.1234567890Z", "2026-1a-23T15:00:00Z", "2026-11-23 15:00:00Z",
            "yesterday at noon"})
    void refusesWhatTheJdkRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
