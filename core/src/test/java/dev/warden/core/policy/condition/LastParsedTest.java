package dev.warden.core.policy.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LastParsedTest {

    @Test
    void repeatedTextIsParsedOnce() {
        AtomicInteger calls = new AtomicInteger();
        LastParsed<Integer> lengths = new LastParsed<>(s -> {
            calls.incrementAndGet();
            return s.length();
        });

        assertThat(lengths.parse("2026-11-23T15:00:00Z")).isEqualTo(20);
        assertThat(lengths.parse("2026-11-23T15:00:00Z")).isEqualTo(20);
        assertThat(calls).hasValue(1);
    }

    @Test
    void newTextIsParsedAndReplacesTheRememberedOne() {
        AtomicInteger calls = new AtomicInteger();
        LastParsed<Integer> lengths = new LastParsed<>(s -> {
            calls.incrementAndGet();
            return s.length();
        });

        lengths.parse("abc");
        assertThat(lengths.parse("abcd")).isEqualTo(4);
        assertThat(lengths.parse("abc")).isEqualTo(3);
        assertThat(calls).hasValue(3);
    }

    @Test
    void textThatCannotBeParsedIsRememberedAsNull() {
        AtomicInteger calls = new AtomicInteger();
        LastParsed<Long> dates = new LastParsed<>(s -> {
            calls.incrementAndGet();
            return DateValues.parseMillis(s);
        });

        assertThat(dates.parse("not a date")).isNull();
        assertThat(dates.parse("not a date")).isNull();
        assertThat(calls).hasValue(1);
    }
}
