package dev.warden.core.auth.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * SigV4's timestamps: ISO 8601 basic format, {@code 20150830T123600Z}, in {@code X-Amz-Date}; the HTTP {@code Date}
 * header may carry that form or RFC 1123's ({@code Sun, 30 Aug 2015 12:36:00 GMT}).
 */
final class AmzDate {

    /** RFC 1123 after the day of the week: {@code 30 Aug 2015 12:36:00 GMT}. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm:ss 'GMT'",
            Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);

    private AmzDate() {
    }

    /** The instant {@code yyyyMMdd'T'HHmmss'Z'} stands for, or {@code null} if the text is not exactly that. */
    static Instant parseBasic(String text) {
        if (text == null || text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 4, 6);
        int day = digits(text, 6, 8);
        int hour = digits(text, 9, 11);
        int minute = digits(text, 11, 13);
        int second = digits(text, 13, 15);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The instant of an HTTP {@code Date} header in either form, or {@code null}. The day of the week is not checked
     * against the date, as HTTP servers do not check it (AWS's own test suite signs "Mon, 09 Sep 2011", a Friday).
     */
    static Instant parseHttpDate(String text) {
        Instant basic = parseBasic(text);
        if (basic != null || text == null) {
            return basic;
        }
        String date = text.strip();
        int comma = date.indexOf(',');
        try {
            return LocalDateTime.parse(date.substring(comma + 1).strip(), HTTP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code instant} (to the second) as {@code yyyyMMdd'T'HHmmss'Z'}. */
    static String formatBasic(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(16);
        pad(out, t.getYear(), 4);
        pad(out, t.getMonthValue(), 2);
        pad(out, t.getDayOfMonth(), 2);
        out.append('T');
        pad(out, t.getHour(), 2);
        pad(out, t.getMinute(), 2);
        pad(out, t.getSecond(), 2);
        return out.append('Z').toString();
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void pad(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }
}
