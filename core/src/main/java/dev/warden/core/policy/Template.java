package dev.warden.core.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A policy string that may hold wildcards and policy variables: {@code home/${aws:username}/*}. Compiled once;
 * a template without variables matches without allocating, one with variables resolves them against the
 * request (a variable the request lacks, with no default, makes the template match nothing, as AWS specifies).
 *
 * <p>{@code ${*}}, {@code ${?}} and {@code ${$}} stand for literal {@code *}, {@code ?} and {@code $}. In a
 * 2008-10-17 policy nothing is a variable: {@code ${...}} is literal text.
 */
public final class Template {

    /** One piece: literal code points (with wildcard markers) or a variable. */
    private record Part(int[] chars, String variable, String defaultValue) {
    }

    private final String source;
    private final boolean ignoreCase;
    private final Part[] parts;
    /** The whole pattern when there are no variables; {@code null} otherwise. */
    private final int[] constant;
    /** How a constant pattern matches: most are one of the cheap shapes (any text, a literal, a literal prefix). */
    private final Shape shape;
    /** The literal of an {@link Shape#EXACT} or {@link Shape#PREFIX} pattern (lower case when ignoring case). */
    private final String literal;

    private enum Shape { ANY, EXACT, PREFIX, GENERAL }

    private Template(String source, boolean ignoreCase, Part[] parts) {
        this.source = source;
        this.ignoreCase = ignoreCase;
        this.parts = parts;
        this.constant = parts.length == 1 && parts[0].variable == null ? parts[0].chars : null;
        int[] c = constant == null ? new int[] {Glob.ANY_CHAR} : constant;
        int firstWildcard = 0;
        while (firstWildcard < c.length && c[firstWildcard] >= 0) {
            firstWildcard++;
        }
        boolean allStars = c.length > 0;
        for (int x : c) {
            allStars &= x == Glob.STAR;
        }
        StringBuilder text = new StringBuilder(firstWildcard);
        for (int i = 0; i < firstWildcard; i++) {
            text.append((char) c[i]);
        }
        this.literal = text.toString();
        if (allStars) {
            this.shape = Shape.ANY;
        } else if (firstWildcard == c.length) {
            this.shape = Shape.EXACT;
        } else if (firstWildcard == c.length - 1 && c[firstWildcard] == Glob.STAR) {
            this.shape = Shape.PREFIX;
        } else {
            this.shape = Shape.GENERAL;
        }
    }

    /**
     * Compiles {@code text}.
     *
     * @param wildcards whether {@code *} and {@code ?} are wildcards (StringLike, resources) or literal (StringEquals)
     * @param variables whether {@code ${...}} is a variable (policy version 2012-10-17)
     * @param ignoreCase whether matching ignores case
     * @throws IllegalArgumentException if a variable is malformed (empty name, bad default)
     */
    public static Template compile(String text, boolean wildcards, boolean variables, boolean ignoreCase) {
        List<Part> parts = new ArrayList<>();
        int[] literal = new int[text.length()];
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = variables && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{'
                    ? text.indexOf('}', i + 2) : -1;
            if (close < 0) {
                literal[n++] = wildcards && c == '*' ? Glob.STAR
                        : wildcards && c == '?' ? Glob.ANY_CHAR
                        : ignoreCase ? Glob.lower(c) : c;
                i++;
                continue;
            }
            String inside = text.substring(i + 2, close);
            if (inside.equals("*") || inside.equals("?") || inside.equals("$")) {
                literal[n++] = inside.charAt(0);
            } else {
                if (n > 0) {
                    parts.add(new Part(Arrays.copyOf(literal, n), null, null));
                    n = 0;
                }
                parts.add(variable(inside));
            }
            i = close + 1;
        }
        if (n > 0 || parts.isEmpty()) {
            parts.add(new Part(Arrays.copyOf(literal, n), null, null));
        }
        return new Template(text, ignoreCase, parts.toArray(Part[]::new));
    }

    /**
     * Splits an ARN pattern at its colons into at most six parts, as {@code text.split(":", 6)} does, except that
     * where {@code variables} is true a colon inside a policy variable ({@code ${aws:PrincipalAccount}}) does not
     * split: every policy variable has a colon in its name, so a plain split would tear it in two.
     */
    public static String[] splitArn(String text, boolean variables) {
        List<String> parts = new ArrayList<>(6);
        int start = 0;
        int i = 0;
        while (i < text.length() && parts.size() < 5) {
            char c = text.charAt(i);
            if (variables && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i + 2);
                if (close >= 0) {
                    i = close + 1;
                    continue;
                }
            }
            if (c == ':') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        parts.add(text.substring(start));
        return parts.toArray(String[]::new);
    }

    private static Part variable(String inside) {
        int comma = inside.indexOf(',');
        String name = (comma < 0 ? inside : inside.substring(0, comma)).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("policy variable '${" + inside + "}' has no name");
        }
        String defaultValue = null;
        if (comma >= 0) {
            String rest = inside.substring(comma + 1).trim();
            if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\'') {
                throw new IllegalArgumentException("policy variable '${" + inside
                        + "}' must give its default in single quotes, as in ${aws:username, 'anonymous'}");
            }
            defaultValue = rest.substring(1, rest.length() - 1);
        }
        return new Part(null, name.toLowerCase(Locale.ROOT), defaultValue);
    }

    /** Whether the template holds a policy variable. */
    public boolean hasVariables() {
        return constant == null;
    }

    /** {@link #match} found a match. */
    public static final int MATCH = 1;
    /** {@link #match} found no match. */
    public static final int NO_MATCH = 0;
    /** {@link #match} could not compare: a variable has no value in the request. */
    public static final int UNRESOLVED = -1;

    /** Matches all of {@code s}: {@link #MATCH}, {@link #NO_MATCH}, or {@link #UNRESOLVED}. */
    public int match(String s, RequestView request) {
        if (constant != null) {
            return matchesConstant(s, 0, s.length()) ? MATCH : NO_MATCH;
        }
        int[] pattern = resolve(request);
        if (pattern == null) {
            return UNRESOLVED;
        }
        return Glob.matches(pattern, s, 0, s.length(), ignoreCase) ? MATCH : NO_MATCH;
    }

    /** Whether this template matches {@code s[from, to)}; a variable without value matches nothing. */
    public boolean matches(String s, int from, int to, RequestView request) {
        if (constant != null) {
            return matchesConstant(s, from, to);
        }
        int[] pattern = resolve(request);
        return pattern != null && Glob.matches(pattern, s, from, to, ignoreCase);
    }

    private boolean matchesConstant(String s, int from, int to) {
        return switch (shape) {
            case ANY -> true;
            case EXACT -> to - from == literal.length() && startsWithLiteral(s, from);
            case PREFIX -> to - from >= literal.length() && startsWithLiteral(s, from);
            case GENERAL -> Glob.matches(constant, s, from, to, ignoreCase);
        };
    }

    private boolean startsWithLiteral(String s, int from) {
        if (s.startsWith(literal, from)) {
            return true;
        }
        if (!ignoreCase) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (Glob.lower(s.charAt(from + i)) != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether this template matches all of {@code s}. */
    public boolean matches(String s, RequestView request) {
        return matches(s, 0, s.length(), request);
    }

    /** The text with variables substituted (wildcards kept as written), or {@code null} if one has no value. */
    public String resolvedText(RequestView request) {
        if (constant != null) {
            return source;
        }
        int[] resolved = resolve(request);
        if (resolved == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(resolved.length);
        for (int c : resolved) {
            sb.append(c == Glob.STAR ? '*' : c == Glob.ANY_CHAR ? '?' : (char) c);
        }
        return sb.toString();
    }

    private int[] resolve(RequestView request) {
        int length = 0;
        String[] values = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Part part = parts[i];
            if (part.variable == null) {
                length += part.chars.length;
            } else {
                String value = request.variable(part.variable);
                if (value == null) {
                    value = part.defaultValue;
                }
                if (value == null) {
                    return null;
                }
                values[i] = value;
                length += value.length();
            }
        }
        int[] out = new int[length];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            Part part = parts[i];
            if (part.variable == null) {
                System.arraycopy(part.chars, 0, out, n, part.chars.length);
                n += part.chars.length;
            } else {
                String value = values[i];
                for (int k = 0; k < value.length(); k++) {
                    char c = value.charAt(k);
                    out[n++] = ignoreCase ? Glob.lower(c) : c;
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return source;
    }
}
