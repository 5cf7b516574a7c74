package dev.warden.core.auth.sigv4;

/** The second line of a canonical request: the path, normalised and encoded as the service's {@link UriStyle} says. */
final class CanonicalUri {

    private CanonicalUri() {
    }

    /**
     * @param rawPath the path exactly as on the wire, still percent-encoded
     * @throws MalformedEncodingException if an S3 path has a malformed percent-escape
     */
    static String of(String rawPath, UriStyle style) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        String path = rawPath.charAt(0) == '/' ? rawPath : "/" + rawPath;
        return switch (style) {
            case NORMALIZED_DOUBLE_ENCODED -> PercentEncoding.encode(normalize(path), true);
            case DOUBLE_ENCODED -> PercentEncoding.encode(path, true);
            case SINGLE_ENCODED -> PercentEncoding.canonical(path, false, true);
        };
    }

    /**
     * RFC 3986's dot-segment removal, with empty segments dropped too ({@code //a//} is {@code /a/}), as AWS's signing
     * test suite and the SDKs' {@code URI.normalize()} do. A trailing slash stays only where the path ends with one.
     */
    static String normalize(String path) {
        if (path.indexOf("//") < 0 && path.indexOf("/.") < 0) {
            return path;
        }
        String[] segments = path.split("/", -1);
        String[] kept = new String[segments.length];
        int count = 0;
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (count > 0) {
                    count--;
                }
                continue;
            }
            kept[count++] = segment;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < count; i++) {
            out.append('/').append(kept[i]);
        }
        if (count == 0 || path.endsWith("/")) {
            out.append('/');
        }
        return out.toString();
    }
}
