package dev.warden.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints an IAM response as the AWS CLI does: JSON indented by four spaces, policy documents (keys ending in
 * {@code Document}) shown as JSON rather than text, dates as {@code 2026-11-23T15:00:00+00:00}. An empty response
 * prints nothing.
 */
final class AwsCliOutput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new CliPrinter();

    private AwsCliOutput() {
    }

    /** Python's {@code json.dumps(indent=4)}, which the AWS CLI uses: four spaces, and {@code []} for empty arrays. */
    private static final class CliPrinter extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        CliPrinter() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            indentObjectsWith(new DefaultIndenter("    ", "\n"));
            indentArraysWith(new DefaultIndenter("    ", "\n"));
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new CliPrinter();
        }

        @Override
        public void writeEndArray(com.fasterxml.jackson.core.JsonGenerator g, int values) throws IOException {
            if (values == 0) {
                _nesting--;
                g.writeRaw(']');
                return;
            }
            super.writeEndArray(g, values);
        }

        @Override
        public void writeEndObject(com.fasterxml.jackson.core.JsonGenerator g, int entries) throws IOException {
            if (entries == 0) {
                _nesting--;
                g.writeRaw('}');
                return;
            }
            super.writeEndObject(g, entries);
        }
    }

    static String format(ObjectNode response) throws IOException {
        if (response.isEmpty()) {
            return "";
        }
        return JSON.writer(PRETTY).writeValueAsString(convert(response.deepCopy())) + "\n";
    }

    private static JsonNode convert(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = e.getValue();
                if (e.getKey().endsWith("Document") && value.isTextual()) {
                    try {
                        e.setValue(JSON.readTree(value.textValue()));
                    } catch (IOException unreadable) {
                        // leave as text: it was stored verbatim
                    }
                } else if (e.getKey().endsWith("Date") && value.isTextual() && value.textValue().endsWith("Z")) {
                    String text = value.textValue();
                    e.setValue(object.textNode(text.substring(0, text.length() - 1) + "+00:00"));
                } else {
                    convert(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(AwsCliOutput::convert);
        }
        return node;
    }
}
