package dev.warden.filter.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The path of a route: literal segments, {@code {name}} (exactly one non-empty segment) and, last only,
 * {@code {name+}} (one or more segments, slashes kept). {@code /{bucket}} also matches {@code /bucket/}.
 */
final class PathPattern {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** A literal, or the name of a variable. */
    private record Segment(String literal, String variable) {
    }

    private final String text;
    private final Segment[] segments;
    private final String greedy;

    private PathPattern(String text, Segment[] segments, String greedy) {
        this.text = text;
        this.segments = segments;
        this.greedy = greedy;
    }

    /** @throws IllegalArgumentException with the reason */
    static PathPattern parse(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("the path must start with '/'");
        }
        if (text.equals("/")) {
            return new PathPattern(text, new Segment[0], null);
        }
        String[] parts = text.substring(1).split("/", -1);
        List<Segment> segments = new ArrayList<>();
        String greedy = null;
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty path segment (a '//' or a trailing '/')");
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1);
                boolean isGreedy = name.endsWith("+");
                if (isGreedy) {
                    name = name.substring(0, name.length() - 1);
                    if (i != parts.length - 1) {
                        throw new IllegalArgumentException("'{" + name + "+}' must be the last segment");
                    }
                }
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("'" + part + "' is not a variable: names are letters, digits, "
                            + "'_' and '-', starting with a letter");
                }
                if (!names.add(name)) {
                    throw new IllegalArgumentException("variable '" + name + "' appears twice");
                }
                if (isGreedy) {
                    greedy = name;
                } else {
                    segments.add(new Segment(null, name));
                }
            } else if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
                throw new IllegalArgumentException("'" + part + "': a variable must be a whole segment");
            } else if (part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("dot segments never match");
            } else {
                segments.add(new Segment(part, null));
            }
        }
        return new PathPattern(text, segments.toArray(new Segment[0]), greedy);
    }

    /** The names of the variables. */
    Set<String> variables() {
        Set<String> names = new java.util.HashSet<>();
        for (Segment segment : segments) {
            if (segment.variable() != null) {
                names.add(segment.variable());
            }
        }
        if (greedy != null) {
            names.add(greedy);
        }
        return names;
    }

    /**
     * Whether this pattern matches every path {@code other} matches (so that a route with {@code other} after one
     * with this pattern may never be reached). Certain when true; {@code false} may still overlap.
     */
    boolean covers(PathPattern other) {
        int fixed = segments.length;
        if (greedy == null) {
            if (other.greedy != null || other.segments.length != fixed) {
                return false;
            }
        } else if (other.segments.length + (other.greedy == null ? 0 : 1) <= fixed) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
            if (i >= other.segments.length) {
                return false;   // other's greedy part, which may hold slashes, against one of our segments
            }
            Segment mine = segments[i];
            Segment theirs = other.segments[i];
            if (mine.literal() != null && !mine.literal().equals(theirs.literal())) {
                return false;
            }
        }
        return true;
    }

    /** The variables' values, or {@code null} when {@code path} does not match. */
    Map<String, String> match(RequestPath path) {
        List<String> parts = path.segments();
        int fixed = segments.length;
        if (greedy == null) {
            boolean exact = parts.size() == fixed;
            boolean trailingSlash = parts.size() == fixed + 1 && fixed > 0 && parts.get(fixed).isEmpty();
            if (!exact && !trailingSlash) {
                return null;
            }
        } else if (parts.size() <= fixed) {
            return null;
        }
        Map<String, String> values = null;
        for (int i = 0; i < fixed; i++) {
            Segment segment = segments[i];
            String part = parts.get(i);
            if (segment.literal() != null) {
                if (!segment.literal().equals(part)) {
                    return null;
                }
            } else {
                if (part.isEmpty() || part.indexOf('/') >= 0) {
                    return null;
                }
                if (values == null) {
                    values = new HashMap<>(4);
                }
                values.put(segment.variable(), part);
            }
        }
        if (greedy != null) {
            String rest = String.join("/", parts.subList(fixed, parts.size()));
            if (rest.isEmpty()) {
                return null;
            }
            if (values == null) {
                values = new HashMap<>(4);
            }
            values.put(greedy, rest);
        }
        return values == null ? Map.of() : values;
    }

    @Override
    public String toString() {
        return text;
    }
}
