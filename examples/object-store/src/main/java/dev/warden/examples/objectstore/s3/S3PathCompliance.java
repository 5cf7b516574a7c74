package dev.warden.examples.objectstore.s3;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;

/**
 * The Jetty settings an S3 endpoint needs. S3 keys are arbitrary, so their paths hold what Jetty's default
 * compliance and the Servlet 6 specification reject as ambiguous or suspicious: {@code %2F} and {@code %25} in a
 * key, empty segments ({@code a//b}), {@code %2e%2e}, {@code ;}, a backslash. {@link S3Servlet} reads the raw path
 * and decodes it once itself, so none of these can confuse it. Paths that climb above the root
 * ({@code /bucket/../../x}) are refused by Jetty whatever the settings.
 */
public final class S3PathCompliance {

    /** Jetty's default compliance, plus the ambiguities S3 keys bring. */
    public static final UriCompliance S3_KEYS = UriCompliance.DEFAULT.with("S3_KEYS",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT, UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_PARAMETER,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING, UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS);

    private S3PathCompliance() {
    }

    /** Lets the connector accept S3 keys' paths. */
    public static void apply(HttpConfiguration http) {
        http.setUriCompliance(S3_KEYS);
    }

    /** Lets the servlet context hand ambiguous paths to the servlet instead of answering 400. */
    public static void apply(ServletContextHandler context) {
        context.getServletHandler().setDecodeAmbiguousURIs(true);
    }
}
