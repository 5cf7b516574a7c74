package dev.warden.core.auth.sigv4;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The {@code yyyyMMdd} day of a credential scope. */
final class ScopeDate {

    private ScopeDate() {
    }

    /** The day {@code text} names, or {@code null} if it is not exactly eight digits of a real day. */
    static LocalDate parse(String text) {
        if (text.length() != 8) {
            return null;
        }
        for (int i = 0; i < 8; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 4, 6, 10),
                    Integer.parseInt(text, 6, 8, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String format(LocalDate date) {
        int value = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        String text = Integer.toString(value);
        return text.length() >= 8 ? text : "0".repeat(8 - text.length()) + text;
    }
}
