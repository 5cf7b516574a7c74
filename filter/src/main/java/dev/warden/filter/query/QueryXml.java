package dev.warden.filter.query;

import dev.warden.filter.error.AwsError;
import dev.warden.filter.error.ErrorBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Writes operation results in the Query protocol's XML, as AWS does: objects become elements in order, lists become
 * {@code <member>} elements, maps ({@code SummaryMap}) {@code <entry>} elements, and policy documents are URL-encoded
 * JSON (the AWS CLI decodes them; SDK users call {@code URLDecoder}).
 */
final class QueryXml {

    /** The elements IAM answers with URL-encoded policy JSON. */
    private static final Set<String> POLICY_DOCUMENTS = Set.of("PolicyDocument", "AssumeRolePolicyDocument", "Document");
    /** The elements that are maps: {@code <entry><key>K</key><value>V</value></entry>} per field. */
    private static final Set<String> MAPS = Set.of("SummaryMap");

    private QueryXml() {
    }

    /** {@code <ACTIONResponse>} with the result (if any) and the request id. */
    static String response(String action, String namespace, JsonNode result, String requestId) {
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(action).append("Response xmlns=\"")
                .append(namespace).append("\">\n");
        if (result != null && !result.isEmpty()) {
            xml.append("  <").append(action).append("Result>\n");
            children(xml, result, 2);
            xml.append("  </").append(action).append("Result>\n");
        }
        xml.append("  <ResponseMetadata>\n    <RequestId>").append(requestId)
                .append("</RequestId>\n  </ResponseMetadata>\n</").append(action).append("Response>\n");
        return xml.toString();
    }

    /** AWS's {@code ErrorResponse}: {@code Sender} for the caller's mistakes (4xx), {@code Receiver} for ours. */
    static String error(String namespace, String code, String message, int status, String requestId) {
        return ErrorBody.query(new AwsError(status, code, message), requestId, namespace);
    }

    private static void children(StringBuilder xml, JsonNode object, int depth) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            element(xml, field.getKey(), field.getValue(), depth);
        }
    }

    private static void element(StringBuilder xml, String name, JsonNode value, int depth) {
        if (value.isNull()) {
            return;
        }
        indent(xml, depth).append('<').append(name).append('>');
        if (value.isObject() && MAPS.contains(name)) {
            xml.append('\n');
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                indent(xml, depth + 1).append("<entry>\n");
                indent(xml, depth + 2).append("<key>").append(escape(entry.getKey())).append("</key>\n");
                element(xml, "value", entry.getValue(), depth + 2);
                indent(xml, depth + 1).append("</entry>\n");
            }
            indent(xml, depth);
        } else if (value.isObject()) {
            xml.append('\n');
            children(xml, value, depth + 1);
            indent(xml, depth);
        } else if (value.isArray()) {
            xml.append('\n');
            for (JsonNode member : value) {
                element(xml, "member", member, depth + 1);
            }
            indent(xml, depth);
        } else if (POLICY_DOCUMENTS.contains(name)) {
            xml.append(escape(URLEncoder.encode(value.asText(), StandardCharsets.UTF_8).replace("+", "%20")));
        } else {
            xml.append(escape(value.asText()));
        }
        xml.append("</").append(name).append(">\n");
    }

    private static StringBuilder indent(StringBuilder xml, int depth) {
        return xml.append("  ".repeat(depth));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
