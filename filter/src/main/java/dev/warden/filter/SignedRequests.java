package dev.warden.filter;

import dev.warden.core.auth.sigv4.SignedRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/** What SigV4 sees of a servlet request: method, raw path and query, every header as received. */
public final class SignedRequests {

    private SignedRequests() {
    }

    /**
     * The request as SigV4 verifies it.
     *
     * @param body the buffered body, or {@code null} when the body is streamed and read through
     *     {@link dev.warden.core.auth.sigv4.VerifiedRequest#payload}
     */
    public static SignedRequest from(HttpServletRequest request, byte[] body) {
        SignedRequest.Builder signed = SignedRequest.builder(request.getMethod(), request.getRequestURI())
                .rawQuery(request.getQueryString()).body(body);
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                signed.header(name, value);
            }
        }
        return signed.build();
    }

    /**
     * Whether the request carries AWS authentication in any form (SigV4 or the retired SigV2, in the
     * {@code Authorization} header or the query string), as opposed to none or an application's own (a bearer
     * token). Such a request is verified as AWS would, never handed to an application's principal resolvers.
     */
    public static boolean carriesAwsSignature(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && (authorization.startsWith("AWS4-") || authorization.startsWith("AWS "))) {
            return true;
        }
        String query = request.getQueryString();
        return query != null && (hasParameter(query, "X-Amz-Algorithm") || hasParameter(query, "X-Amz-Credential")
                || hasParameter(query, "X-Amz-Signature") || hasParameter(query, "AWSAccessKeyId")
                || hasParameter(query, "Signature"));
    }

    private static boolean hasParameter(String query, String name) {
        for (int at = query.indexOf(name); at >= 0; at = query.indexOf(name, at + 1)) {
            int end = at + name.length();
            boolean starts = at == 0 || query.charAt(at - 1) == '&';
            boolean ends = end == query.length() || query.charAt(end) == '=' || query.charAt(end) == '&';
            if (starts && ends) {
                return true;
            }
        }
        return false;
    }
}
