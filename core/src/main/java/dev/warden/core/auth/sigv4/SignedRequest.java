package dev.warden.core.auth.sigv4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as SigV4 sees it, independent of any container: what the servlet layer (or a test) hands to
 * {@link SigV4Verifier#verify}. Everything is as it arrived on the wire: the path still percent-encoded (the servlet
 * API's {@code getRequestURI()}), the query string as sent ({@code getQueryString()}), every header with all its values
 * in the order received, including {@code Host}.
 *
 * <p>The body is optional. Pass it when it was buffered anyway (the Query services' form posts); pass {@code null}
 * when it is streamed (S3 uploads), and read it through {@link VerifiedRequest#payload}, which checks it as it is
 * read. The array is not copied: do not change it afterwards.
 *
 * @param method the HTTP method, for example {@code POST}
 * @param rawPath the request path exactly as sent, percent-encoding and all, without the query string
 * @param rawQuery the query string exactly as sent, without {@code ?}; empty when there is none
 * @param headers every header, names compared case-insensitively (and kept in lower case), values in the order
 *     received
 * @param body the buffered body, or {@code null} when the body is not buffered
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body) {

    /**
     * Copies {@code headers} into an unmodifiable map whose lookups ignore case and whose names are in lower case
     * (names that differ only in case are merged, values kept in order); a {@code null} query is empty.
     */
    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = HeaderMap.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    /** A builder for a request with this method and raw path. */
    public static Builder builder(String method, String rawPath) {
        return new Builder(method, rawPath);
    }

    /** The first value of the header (any case), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of the header (any case), in the order received; empty if absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedRequest that && method.equals(that.method) && rawPath.equals(that.rawPath)
                && rawQuery.equals(that.rawQuery) && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, rawPath, rawQuery, headers, Arrays.hashCode(body));
    }

    /** Method, path and header names only: header values (session tokens) and bodies (passwords) stay out of logs. */
    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?(query)") + ", headers="
                + headers.keySet() + ", body=" + (body == null ? "not buffered" : body.length + " bytes") + "]";
    }

    /** Builds a {@link SignedRequest} one header at a time. Not thread-safe. */
    public static final class Builder {

        private final String method;
        private final String rawPath;
        private String rawQuery = "";
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body;

        private Builder(String method, String rawPath) {
            this.method = method;
            this.rawPath = rawPath;
        }

        /** The query string as sent, without {@code ?}. */
        public Builder rawQuery(String rawQuery) {
            this.rawQuery = rawQuery;
            return this;
        }

        /** Adds one value of a header (after any values it already has). */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            return this;
        }

        /** The buffered body ({@code null}: not buffered). */
        public Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        /** The request, its headers copied. */
        public SignedRequest build() {
            return new SignedRequest(method, rawPath, rawQuery, headers, body);
        }
    }
}
