package dev.warden.core.policy.condition;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * Dates as the {@code Date...} operators read them: epoch seconds ({@code 1700000000}, as {@code aws:EpochTime}
 * carries) or one of the W3C profile of ISO 8601 forms AWS accepts: {@code 2024}, {@code 2024-06},
 * {@code 2024-06-30}, {@code 2024-06-30T12:00Z}, {@code 2024-06-30T12:00:00Z}, {@code 2024-06-30T12:00:00.250+02:00}.
 * A time without zone is UTC. Both forms compare as instants, so an epoch request value compares correctly with
 * an ISO policy value and the other way round.
 */
final class DateValues {

    private static final LastParsed<Long> REQUEST_VALUES = new LastParsed<>(DateValues::parseMillis);

    private DateValues() {
    }

    static ValueMatcher compile(List<String> values, ConditionOperator.Comparison comparison) {
        return OrderedValues.compile(values, comparison, DateValues::parseMillis, REQUEST_VALUES,
                "a date (ISO 8601 such as 2024-06-30T12:00:00Z, or epoch seconds)");
    }

    /** Milliseconds since the epoch that {@code s} names, or {@code null} if it is no date. */
    static Long parseMillis(String s) {
        int n = s.length();
        if (n == 0) {
            return null;
        }
        if (allDigits(s, 0, n) && n != 4 && n <= 12) {
            return Long.parseLong(s) * 1000L;
        }
        try {
            return parseIso(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Long parseIso(String s) {
        int n = s.length();
        if (n < 4 || !allDigits(s, 0, 4)) {
            return null;
        }
        int year = Integer.parseInt(s.substring(0, 4));
        int month = 1;
        int day = 1;
        int i = 4;
        if (i < n && s.charAt(i) == '-') {
            if (i + 3 > n || !allDigits(s, i + 1, i + 3)) {
                return null;
            }
            month = Integer.parseInt(s.substring(i + 1, i + 3));
            i += 3;
            if (i < n && s.charAt(i) == '-') {
                if (i + 3 > n || !allDigits(s, i + 1, i + 3)) {
                    return null;
                }
                day = Integer.parseInt(s.substring(i + 1, i + 3));
                i += 3;
            }
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long millisOfDay = 0;
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == 't')) {
            if (i + 6 > n || !allDigits(s, i + 1, i + 3) || s.charAt(i + 3) != ':' || !allDigits(s, i + 4, i + 6)) {
                return null;
            }
            int hour = Integer.parseInt(s.substring(i + 1, i + 3));
            int minute = Integer.parseInt(s.substring(i + 4, i + 6));
            int second = 0;
            int milli = 0;
            i += 6;
            if (i < n && s.charAt(i) == ':') {
                if (i + 3 > n || !allDigits(s, i + 1, i + 3)) {
                    return null;
                }
                second = Integer.parseInt(s.substring(i + 1, i + 3));
                i += 3;
                if (i < n && s.charAt(i) == '.') {
                    int start = ++i;
                    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                        i++;
                    }
                    if (i == start) {
                        return null;
                    }
                    String fraction = (s.substring(start, Math.min(i, start + 3)) + "00").substring(0, 3);
                    milli = Integer.parseInt(fraction);
                }
            }
            if (hour > 23 || minute > 59 || second > 59) {
                return null;
            }
            millisOfDay = ((hour * 60L + minute) * 60L + second) * 1000L + milli;
            Integer offsetMinutes = parseZone(s, i);
            if (offsetMinutes == null) {
                return null;
            }
            return epochDay * 86_400_000L + millisOfDay - offsetMinutes * 60_000L;
        }
        if (i != n) {
            return null;
        }
        return epochDay * 86_400_000L + millisOfDay;
    }

    /** Minutes east of UTC for the zone designator at {@code i} ({@code Z}, {@code +02:00}, {@code -0530}, none). */
    private static Integer parseZone(String s, int i) {
        int n = s.length();
        if (i == n) {
            return 0;
        }
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            return 0;
        }
        if (c != '+' && c != '-') {
            return null;
        }
        String rest = s.substring(i + 1);
        if (rest.length() == 5 && rest.charAt(2) == ':') {
            rest = rest.substring(0, 2) + rest.substring(3);
        }
        if (rest.length() != 4 || !allDigits(rest, 0, 4)) {
            return null;
        }
        int hours = Integer.parseInt(rest.substring(0, 2));
        int minutes = Integer.parseInt(rest.substring(2));
        if (hours > 18 || minutes > 59) {
            return null;
        }
        int offset = hours * 60 + minutes;
        return c == '-' ? -offset : offset;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return to > from;
    }
}
