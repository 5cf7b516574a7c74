package dev.warden.core.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads the fields of one object of a store document, naming the JSON pointer of whatever is wrong. */
final class JsonFields {

    private final String path;
    private final ObjectNode node;
    private final String at;

    JsonFields(String path, JsonNode node, String at, Set<String> allowed) throws StoreDocumentException {
        this.path = path;
        this.at = at;
        if (node == null || !node.isObject()) {
            throw error(at, "expected an object");
        }
        this.node = (ObjectNode) node;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(at + "/" + name, "unknown field \"" + name + "\"");
            }
        }
    }

    /** The fields of {@code child}, an object inside this one at {@code pointer}. */
    JsonFields child(JsonNode child, String pointer, Set<String> allowed) throws StoreDocumentException {
        return new JsonFields(path, child, pointer, allowed);
    }

    StoreDocumentException error(String pointer, String reason) {
        return new StoreDocumentException(path, pointer, reason);
    }

    String pointer(String field) {
        return at + "/" + field;
    }

    JsonNode node(String field) {
        return node.get(field);
    }

    String text(String field) throws StoreDocumentException {
        String value = optionalText(field);
        if (value == null) {
            throw error(pointer(field), "\"" + field + "\" is required");
        }
        return value;
    }

    String optionalText(String field) throws StoreDocumentException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw error(pointer(field), "\"" + field + "\" must be a string");
        }
        return value.textValue();
    }

    /** A field checked against an IAM constraint. */
    String constrained(String field, Constraint constraint) throws StoreDocumentException {
        String value = text(field);
        try {
            return constraint.check(value);
        } catch (IamException e) {
            throw error(pointer(field), e.getMessage());
        }
    }

    String id(String field, String prefix) throws StoreDocumentException {
        String value = text(field);
        if (!value.startsWith(prefix) || value.length() < prefix.length() + 8 || !value.chars().allMatch(Character::isLetterOrDigit)) {
            throw error(pointer(field), "\"" + field + "\" must be an id starting with " + prefix);
        }
        return value;
    }

    Instant date(String field) throws StoreDocumentException {
        String value = text(field);
        try {
            return StoredInstants.parse(value);
        } catch (DateTimeParseException e) {
            throw error(pointer(field), "\"" + field + "\" must be an ISO 8601 instant such as 2026-11-23T15:00:00Z");
        }
    }

    Instant optionalDate(String field) throws StoreDocumentException {
        return node.hasNonNull(field) ? date(field) : null;
    }

    int integer(String field, int min, int max) throws StoreDocumentException {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()
                || value.intValue() < min || value.intValue() > max) {
            throw error(pointer(field), "\"" + field + "\" must be a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    int integer(String field, int min, int max, int fallback) throws StoreDocumentException {
        return node.hasNonNull(field) ? integer(field, min, max) : fallback;
    }

    /** A non-negative whole number, or {@code 0} when absent. */
    long count(String field) throws StoreDocumentException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw error(pointer(field), "\"" + field + "\" must be a whole number, 0 or more");
        }
        return value.longValue();
    }

    /** {@code true} or {@code false}, or {@code fallback} when absent. */
    boolean bool(String field, boolean fallback) throws StoreDocumentException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error(pointer(field), "\"" + field + "\" must be true or false");
        }
        return value.booleanValue();
    }

    List<String> strings(String field) throws StoreDocumentException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(pointer(field), "\"" + field + "\" must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw error(pointer(field) + "/" + i, "must be a string");
            }
            out.add(value.get(i).textValue());
        }
        return out;
    }

    /** The elements of an array of objects (empty when absent). */
    List<JsonNode> objects(String field) throws StoreDocumentException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(pointer(field), "\"" + field + "\" must be an array");
        }
        List<JsonNode> out = new ArrayList<>();
        value.forEach(out::add);
        return out;
    }
}
