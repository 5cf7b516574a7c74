package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import java.util.List;
import java.util.function.Function;

/**
 * AWS's pagination of list operations: {@code MaxItems} (1 to 1,000, default 100) and an opaque {@code Marker}
 * from the previous page; the answer says {@code IsTruncated} and gives the next {@code Marker}.
 */
final class Pages {

    private Pages() {
    }

    /** Puts the page of {@code items} the call asks for under {@code key}. */
    static <T> ObjectNode page(Call call, ObjectNode out, String key, List<T> items, Function<T, ObjectNode> shape)
            throws IamException {
        int max = call.params().integer("MaxItems", 1, 1000, 100);
        String marker = call.params().optional("Marker");
        int start = 0;
        if (marker != null) {
            try {
                start = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                start = -1;
            }
            if (start < 0 || start > items.size()) {
                throw new IamException(IamError.VALIDATION_ERROR, "Invalid Marker " + marker);
            }
        }
        int end = Math.min(items.size(), start + max);
        ArrayNode array = out.putArray(key);
        for (T item : items.subList(start, end)) {
            array.add(shape.apply(item));
        }
        out.put("IsTruncated", end < items.size());
        if (end < items.size()) {
            out.put("Marker", Integer.toString(end));
        }
        return out;
    }

    /** The same for a list of strings (policy names, aliases). */
    static ObjectNode names(Call call, ObjectNode out, String key, List<String> names) throws IamException {
        int max = call.params().integer("MaxItems", 1, 1000, 100);
        String marker = call.params().optional("Marker");
        int start = marker == null ? 0 : parse(marker, names.size());
        int end = Math.min(names.size(), start + max);
        ArrayNode array = out.putArray(key);
        names.subList(start, end).forEach(array::add);
        out.put("IsTruncated", end < names.size());
        if (end < names.size()) {
            out.put("Marker", Integer.toString(end));
        }
        return out;
    }

    private static int parse(String marker, int size) throws IamException {
        try {
            int start = Integer.parseInt(marker);
            if (start >= 0 && start <= size) {
                return start;
            }
        } catch (NumberFormatException e) {
            // invalid below
        }
        throw new IamException(IamError.VALIDATION_ERROR, "Invalid Marker " + marker);
    }
}
