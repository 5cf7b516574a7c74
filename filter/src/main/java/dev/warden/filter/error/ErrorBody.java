package dev.warden.filter.error;

import dev.warden.filter.route.Protocol;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link AwsError} the way the service's protocol does, so that the AWS SDKs and CLI parse it into their own
 * exceptions: S3's {@code <Error>} document, the Query services' {@code <ErrorResponse>}, or the JSON protocol's
 * {@code {"__type": ..., "message": ...}}. The request id goes into the body and the protocol's header.
 */
public final class ErrorBody {

    private ErrorBody() {
    }

    /**
     * Answers {@code response} with {@code error}; does nothing when the response is already committed (the status
     * line is gone; the connection is then closed by the container when the caller rethrows).
     *
     * @param namespace the Query protocol's XML namespace (ignored by the other protocols); {@code null} for none
     */
    public static void write(HttpServletResponse response, Protocol protocol, AwsError error, String requestId,
                             String namespace) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(error.status());
        String body;
        switch (protocol) {
            case S3 -> {
                response.setContentType("application/xml");
                response.setHeader("x-amz-request-id", requestId);
                response.setHeader("x-amz-id-2", requestId);
                body = s3(error, requestId);
            }
            case QUERY -> {
                response.setContentType("text/xml");
                response.setHeader("x-amzn-RequestId", requestId);
                body = query(error, requestId, namespace);
            }
            default -> {
                response.setContentType("application/x-amz-json-1.1");
                response.setHeader("x-amzn-RequestId", requestId);
                response.setHeader("x-amzn-ErrorType", jsonType(error.code()));
                body = json(error);
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** S3's error document. */
    public static String s3(AwsError error, String requestId) {
        StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>")
                .append(escape(error.code())).append("</Code><Message>").append(escape(error.message()))
                .append("</Message>");
        for (Map.Entry<String, String> detail : error.details().entrySet()) {
            xml.append('<').append(detail.getKey()).append('>').append(escape(detail.getValue())).append("</")
                    .append(detail.getKey()).append('>');
        }
        return xml.append("<RequestId>").append(escape(requestId)).append("</RequestId><HostId>")
                .append(escape(requestId)).append("</HostId></Error>").toString();
    }

    /** The Query protocol's error document. */
    public static String query(AwsError error, String requestId, String namespace) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse"
                + (namespace == null ? "" : " xmlns=\"" + escape(namespace) + "\"") + ">\n  <Error>\n    <Type>"
                + (error.status() >= 500 ? "Receiver" : "Sender") + "</Type>\n    <Code>" + escape(error.code())
                + "</Code>\n    <Message>" + escape(error.message()) + "</Message>\n  </Error>\n  <RequestId>"
                + escape(requestId) + "</RequestId>\n</ErrorResponse>\n";
    }

    private static String json(AwsError error) {
        return "{\"__type\":\"" + jsonEscape(jsonType(error.code())) + "\",\"message\":\"" + jsonEscape(error.message())
                + "\"}";
    }

    /**
     * The JSON protocol's names for the authentication and authorization errors (DynamoDB, KMS, ... answer
     * {@code UnrecognizedClientException} where the Query services answer {@code InvalidClientTokenId}).
     */
    private static String jsonType(String code) {
        return switch (code) {
            case "AccessDenied" -> "AccessDeniedException";
            case "InvalidClientTokenId", "InvalidAccessKeyId" -> "UnrecognizedClientException";
            case "SignatureDoesNotMatch" -> "InvalidSignatureException";
            case "IncompleteSignature" -> "IncompleteSignatureException";
            case "MissingAuthenticationToken" -> "MissingAuthenticationTokenException";
            case "ExpiredToken" -> "ExpiredTokenException";
            case "InternalFailure" -> "InternalFailure";
            default -> code.endsWith("Exception") ? code : code + "Exception";
        };
    }

    /** {@code text} with XML's five special characters escaped (and control characters dropped). */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? "" : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
