package dev.warden.core.policy.condition;

import java.util.function.Function;

/**
 * Remembers the last text a parser read and what it made of it. Request values such as {@code aws:CurrentTime}
 * repeat across the requests of the same second, so a busy server parses each once instead of once per
 * statement per request. Thread-safe: readers see either the old or the new entry, both correct.
 */
final class LastParsed<T> {

    private record Entry<T>(String text, T value) {
    }

    private final Function<String, T> parser;
    private volatile Entry<T> last;

    LastParsed(Function<String, T> parser) {
        this.parser = parser;
    }

    /** What the parser makes of {@code text} (possibly {@code null}, for text it cannot read). */
    T parse(String text) {
        Entry<T> entry = last;
        if (entry != null && entry.text.equals(text)) {
            return entry.value;
        }
        T value = parser.apply(text);
        last = new Entry<>(text, value);
        return value;
    }
}
