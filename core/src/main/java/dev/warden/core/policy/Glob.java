package dev.warden.core.policy;

/**
 * A pattern in AWS's wildcard syntax: {@code *} matches any run of characters (including {@code /} and
 * {@code :}), {@code ?} exactly one. Patterns are code-point arrays in which {@link #STAR} and {@link #ANY_CHAR}
 * stand for the wildcards, so a resolved policy variable can carry a literal {@code *}.
 */
final class Glob {

    static final int STAR = -1;
    static final int ANY_CHAR = -2;

    private Glob() {
    }

    /**
     * Whether {@code pattern} matches {@code s[from, to)} in full. With {@code ignoreCase} the pattern must already
     * be lower case.
     */
    static boolean matches(int[] pattern, String s, int from, int to, boolean ignoreCase) {
        int p = 0;
        int i = from;
        int starP = -1;
        int starI = -1;
        while (i < to) {
            if (p < pattern.length) {
                int c = pattern[p];
                if (c == STAR) {
                    starP = p++;
                    starI = i;
                    continue;
                }
                if (c == ANY_CHAR || c == (ignoreCase ? lower(s.charAt(i)) : s.charAt(i))) {
                    p++;
                    i++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP + 1;
            i = ++starI;
        }
        while (p < pattern.length && pattern[p] == STAR) {
            p++;
        }
        return p == pattern.length;
    }

    static char lower(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }
}
