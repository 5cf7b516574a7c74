package dev.warden.filter.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Text with references in braces, rendered per request: {@code arn:{partition}:s3:::{bucket}/{key}}. A reference is
 * a path variable, {@code query.NAME}, {@code header.NAME} or one of the filter's {@link #BUILTINS}, optionally with
 * the modifier {@code :path} (percent-decode once, drop a {@code ?...} suffix and one leading {@code /}: the form of
 * S3's {@code x-amz-copy-source}).
 */
final class Template {

    /** What the filter supplies: the caller's account, the signed region, the partition, how it authenticated. */
    static final Set<String> BUILTINS = Set.of("account", "region", "partition", "auth.type",
            "auth.signature-version", "auth.signature-age", "auth.content-sha256");

    /** A reference: where its value comes from, and whether {@code :path} applies. */
    record Reference(Kind kind, String name, boolean pathModifier) {
    }

    enum Kind { PATH, QUERY, HEADER, BUILTIN }

    private final String text;
    /** Alternating literal text ({@code String}) and {@link Reference}s. */
    private final Object[] parts;

    private Template(String text, Object[] parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * @param pathVariables the variables the route's path declares
     * @throws IllegalArgumentException with the reason
     */
    static Template parse(String text, Set<String> pathVariables) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = text.indexOf('}', i);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new IllegalArgumentException("'}' at character " + close + " closes nothing");
            }
            if (open < 0) {
                parts.add(text.substring(i));
                break;
            }
            if (open > i) {
                parts.add(text.substring(i, open));
            }
            close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("'{' at character " + open + " is not closed");
            }
            parts.add(reference(text.substring(open + 1, close), pathVariables));
            i = close + 1;
        }
        return new Template(text, parts.toArray());
    }

    private static Reference reference(String body, Set<String> pathVariables) {
        boolean path = false;
        int colon = body.indexOf(':');
        if (colon >= 0) {
            String modifier = body.substring(colon + 1);
            if (!modifier.equals("path")) {
                throw new IllegalArgumentException("unknown modifier ':" + modifier + "' in '{" + body
                        + "}' (the only one is ':path')");
            }
            path = true;
            body = body.substring(0, colon);
        }
        if (body.startsWith("query.") && body.length() > "query.".length()) {
            return new Reference(Kind.QUERY, body.substring("query.".length()), path);
        }
        if (body.startsWith("header.") && body.length() > "header.".length()) {
            return new Reference(Kind.HEADER, body.substring("header.".length()), path);
        }
        if (pathVariables.contains(body)) {
            return new Reference(Kind.PATH, body, path);
        }
        if (BUILTINS.contains(body)) {
            return new Reference(Kind.BUILTIN, body, path);
        }
        throw new IllegalArgumentException("'{" + body + "}' is neither a variable of the route's path nor "
                + "query.NAME, header.NAME or one of " + new java.util.TreeSet<>(BUILTINS));
    }

    /** The references, in order. */
    java.util.List<Reference> references() {
        java.util.List<Reference> references = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Reference reference) {
                references.add(reference);
            }
        }
        return references;
    }

    /**
     * Whether every rendering is an ARN: the text starts with {@code arn:} and its literal parts hold the five colons
     * (values can only add colons, never take them away).
     */
    boolean alwaysAnArn() {
        if (parts.length == 0 || !(parts[0] instanceof String prefix) || !prefix.startsWith("arn:")) {
            return false;
        }
        long colons = 0;
        for (Object part : parts) {
            if (part instanceof String literal) {
                colons += literal.chars().filter(c -> c == ':').count();
            }
        }
        return colons >= 5;
    }

    /** Whether the template has no references. */
    boolean isLiteral() {
        return parts.length == 0 || parts.length == 1 && parts[0] instanceof String;
    }

    /** The text rendered with {@code values}, or {@code null} when a reference has no value in this request. */
    String render(Function<Reference, String> values) {
        if (isLiteral()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (Object part : parts) {
            if (part instanceof String literal) {
                out.append(literal);
            } else {
                Reference reference = (Reference) part;
                String value = values.apply(reference);
                if (value == null) {
                    return null;
                }
                if (reference.pathModifier()) {
                    value = asPath(value);
                    if (value == null) {
                        return null;
                    }
                }
                out.append(value);
            }
        }
        return out.toString();
    }

    /** {@code /bucket/a%20b?versionId=3} as {@code bucket/a b}; {@code null} when it does not decode. */
    private static String asPath(String value) {
        int question = value.indexOf('?');
        String raw = question < 0 ? value : value.substring(0, question);
        try {
            String decoded = PercentDecoding.decode(raw, false);
            return decoded.startsWith("/") ? decoded.substring(1) : decoded;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
