package dev.warden.filter.route;

import java.util.ArrayList;
import java.util.List;

/**
 * A request path split on {@code /} as sent and each segment decoded once, after the checks that keep every layer
 * agreeing about which path was authorized: no dot segments (raw or encoded), no control characters, no malformed
 * encoding, at most {@value #MAX_LENGTH} characters.
 *
 * @param segments the decoded segments; the root path has none; a trailing {@code /} leaves an empty last segment
 */
record RequestPath(List<String> segments) {

    static final int MAX_LENGTH = 8192;

    static RequestPath parse(String rawPath) throws RouteRequestException {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            throw new RouteRequestException("InvalidURI", "Couldn't parse the specified URI: the path must start "
                    + "with '/'.");
        }
        if (rawPath.length() > MAX_LENGTH) {
            throw new RouteRequestException("InvalidURI", "Couldn't parse the specified URI: the path is longer than "
                    + MAX_LENGTH + " characters.");
        }
        if (rawPath.length() == 1) {
            return new RequestPath(List.of());
        }
        List<String> segments = new ArrayList<>();
        int start = 1;
        while (true) {
            int slash = rawPath.indexOf('/', start);
            String raw = rawPath.substring(start, slash < 0 ? rawPath.length() : slash);
            segments.add(decodeSegment(raw));
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return new RequestPath(List.copyOf(segments));
    }

    private static String decodeSegment(String raw) throws RouteRequestException {
        String decoded;
        try {
            decoded = PercentDecoding.decode(raw, false);
        } catch (IllegalArgumentException e) {
            throw new RouteRequestException("InvalidURI", "Couldn't parse the specified URI: " + e.getMessage()
                    + " in path segment '" + raw + "'.");
        }
        // "..;x" too: containers that strip path parameters (Tomcat) would read it as ".."
        int semicolon = decoded.indexOf(';');
        String bare = semicolon < 0 ? decoded : decoded.substring(0, semicolon);
        if (bare.equals(".") || bare.equals("..")) {
            throw new RouteRequestException("InvalidURI", "Couldn't parse the specified URI: the path holds a '"
                    + bare + "' segment.");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new RouteRequestException("InvalidURI", "Couldn't parse the specified URI: the path holds a "
                        + "control character (U+" + String.format("%04X", (int) c) + ").");
            }
        }
        return decoded;
    }
}
