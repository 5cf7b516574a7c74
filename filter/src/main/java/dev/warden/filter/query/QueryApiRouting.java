package dev.warden.filter.query;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Serves the IAM and STS Query endpoints on an application's own port: a request whose SigV4 credential scope names
 * {@code iam} or {@code sts} (or an unsigned form {@code POST /}, as AssumeRoleWithWebIdentity is sent) goes to the
 * {@link QueryApiServlet}, which verifies it in full; everything else continues down the chain (to
 * {@code WardenFilter} and the application). Installed before {@code WardenFilter}, so that
 * {@code aws --endpoint-url http://app iam ...} and {@code aws s3 ...} share one URL, told apart as AWS tells its
 * endpoints apart: by the service the request was signed for.
 */
public final class QueryApiRouting implements Filter {

    private final QueryApiServlet servlet;

    /** Sends IAM and STS requests to {@code servlet}. */
    public QueryApiRouting(QueryApiServlet servlet) {
        this.servlet = Objects.requireNonNull(servlet, "servlet");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse
                && isQueryApiRequest(http)) {
            servlet.service(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether {@code request} is meant for IAM or STS. Only a hint: the servlet verifies the signature. */
    static boolean isQueryApiRequest(HttpServletRequest request) {
        String service = signedService(request);
        if (service != null) {
            return service.equals("iam") || service.equals("sts");
        }
        String type = request.getContentType();
        return request.getMethod().equals("POST") && "/".equals(request.getRequestURI()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The service of the request's credential scope ({@code AKIA.../20261123/us-east-1/iam/aws4_request}). */
    private static String signedService(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        String credential = null;
        if (authorization != null && authorization.startsWith("AWS4-HMAC-SHA256")) {
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                int end = authorization.indexOf(',', at);
                credential = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end);
            }
        } else if (request.getQueryString() != null) {
            for (String pair : request.getQueryString().split("&")) {
                if (pair.startsWith("X-Amz-Credential=")) {
                    try {
                        credential = URLDecoder.decode(pair.substring("X-Amz-Credential=".length()),
                                StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }
            }
        }
        if (credential == null) {
            return null;
        }
        String[] parts = credential.trim().split("/");
        return parts.length == 5 ? parts[3] : null;
    }
}
