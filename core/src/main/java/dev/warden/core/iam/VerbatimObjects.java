package dev.warden.core.iam;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.warden.core.policy.StrictJson;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds the exact text of JSON objects inside a document, by JSON pointer: how Warden returns a policy document
 * byte for byte as it was put, although it is stored inside an entity's file.
 */
final class VerbatimObjects {

    private VerbatimObjects() {
    }

    /** The text of every object value whose JSON pointer satisfies {@code wanted}. */
    static Map<String, String> find(String json, Predicate<String> wanted) throws IOException {
        Map<String, String> found = new HashMap<>();
        try (JsonParser parser = StrictJson.MAPPER.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT && parser.getParsingContext().getParent() != null) {
                    String pointer = parser.getParsingContext().getParent().pathAsPointer().toString();
                    if (wanted.test(pointer)) {
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentLocation().getCharOffset();
                        found.put(pointer, json.substring(start, end));
                    }
                }
            }
        }
        return found;
    }
}
