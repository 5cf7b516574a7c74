package dev.warden.core.policy;

import java.util.Locale;

/**
 * One entry of an {@code Action} or {@code NotAction} element: {@code *}, or {@code service:pattern} where the
 * pattern may hold {@code *} and {@code ?}. Matching ignores case, as AWS does for action names.
 */
final class ActionPattern {

    private final String text;
    /** Lower-case service prefix, or {@code null} for {@code *}. */
    private final String service;
    private final int[] name;

    private ActionPattern(String text, String service, int[] name) {
        this.text = text;
        this.service = service;
        this.name = name;
    }

    /** Compiles a validated action pattern. */
    static ActionPattern compile(String text) {
        if (isAllStars(text)) {
            return new ActionPattern(text, null, null);
        }
        int colon = text.indexOf(':');
        int[] pattern = new int[text.length() - colon - 1];
        for (int i = 0; i < pattern.length; i++) {
            char c = text.charAt(colon + 1 + i);
            pattern[i] = c == '*' ? Glob.STAR : c == '?' ? Glob.ANY_CHAR : Glob.lower(c);
        }
        return new ActionPattern(text, text.substring(0, colon).toLowerCase(Locale.ROOT), pattern);
    }

    static boolean isAllStars(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }

    /** Whether this pattern covers {@code action} (whose service prefix ends at {@code colon}). */
    boolean matches(String action, int colon) {
        if (service == null) {
            return true;
        }
        return colon == service.length()
                && action.regionMatches(true, 0, service, 0, colon)
                && Glob.matches(name, action, colon + 1, action.length(), true);
    }

    /** The service prefix this pattern is limited to, or {@code null} when it covers every service. */
    String service() {
        return service;
    }

    @Override
    public String toString() {
        return text;
    }
}
