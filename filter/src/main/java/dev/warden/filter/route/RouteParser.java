package dev.warden.filter.route;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.core.policy.StrictJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads a route table's JSON, refusing anything doubtful with the JSON pointer of the offending value. */
final class RouteParser {

    static final int MAX_BYTES = 1 << 20;
    private static final Set<String> TOP = Set.of("Version", "Protocol", "Unmapped", "Selectors", "Routes");
    private static final Set<String> ROUTE = Set.of("Sid", "Route", "Public", "Delegated", "Action", "Resource",
            "Query", "Headers", "Also", "Context");
    private static final Pattern METHOD = Pattern.compile("\\*|[A-Z]+");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9*?]+");

    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9._~-]+");

    private final String source;
    private Set<String> selectors = Set.of();

    private RouteParser(String source) {
        this.source = source;
    }

    static RouteTable parse(String json, String source) throws RouteTableException {
        return new RouteParser(source).table(json);
    }

    private RouteTable table(String json) throws RouteTableException {
        if (json.length() > MAX_BYTES) {
            throw new RouteTableException(source, "", "the table is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            int newline = message.indexOf('\n');
            throw new RouteTableException(source, at == null ? "" : "line " + at.getLineNr() + ", column "
                    + at.getColumnNr(), newline > 0 ? message.substring(0, newline) : message);
        }
        if (root == null || !root.isObject()) {
            throw error("", "the table must be a JSON object");
        }
        unknownFields(root, TOP, "");
        text(root, "Version", "");
        String protocolName = text(root, "Protocol", "");
        Protocol protocol;
        try {
            protocol = Protocol.valueOf(protocolName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error("/Protocol", "'" + protocolName + "' is not one of \"s3\", \"query\", \"json\"");
        }
        boolean allowUnmapped = false;
        if (root.has("Unmapped")) {
            String unmapped = text(root, "Unmapped", "");
            if (!unmapped.equals("Deny") && !unmapped.equals("Allow")) {
                throw error("/Unmapped", "'" + unmapped + "' is neither \"Deny\" nor \"Allow\"");
            }
            allowUnmapped = unmapped.equals("Allow");
        }
        selectors = selectors(root.get("Selectors"));
        JsonNode routes = root.get("Routes");
        if (routes == null || !routes.isArray()) {
            throw error("/Routes", routes == null ? "missing" : "must be an array of routes");
        }
        List<Route> compiled = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            compiled.add(route(routes.get(i), "/Routes/" + i, i));
        }
        for (int later = 1; later < compiled.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (compiled.get(earlier).shadows(compiled.get(later))) {
                    Route first = compiled.get(earlier);
                    throw error("/Routes/" + later, "this route can never match: /Routes/" + earlier + " ("
                            + first.sid() + ": " + first.method() + " " + first.path()
                            + ") matches every request it matches and comes first");
                }
            }
        }
        return new RouteTable(protocol, allowUnmapped, selectors, compiled);
    }

    private Set<String> selectors(JsonNode node) throws RouteTableException {
        if (node == null) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw error("/Selectors", "must be an array of query parameter names");
        }
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode name = node.get(i);
            if (!name.isTextual() || !SELECTOR.matcher(name.textValue()).matches()) {
                throw error("/Selectors/" + i, "must be a query parameter name (letters, digits, '.', '_', '~', '-')");
            }
            if (!names.add(name.textValue())) {
                throw error("/Selectors/" + i, "'" + name.textValue() + "' is listed twice");
            }
        }
        return names;
    }

    private Route route(JsonNode node, String at, int index) throws RouteTableException {
        if (!node.isObject()) {
            throw error(at, "a route must be a JSON object");
        }
        unknownFields(node, ROUTE, at);
        String sid = node.has("Sid") ? text(node, "Sid", at) : "ROUTE #" + index;
        String line = text(node, "Route", at);
        int space = line.indexOf(' ');
        if (space <= 0 || line.indexOf(' ', space + 1) >= 0) {
            throw error(at + "/Route", "'" + line + "' is not 'METHOD /path' (one space between them)");
        }
        String method = line.substring(0, space);
        if (!METHOD.matcher(method).matches()) {
            throw error(at + "/Route", "'" + method + "' is not an HTTP method in capitals (or '*')");
        }
        PathPattern path;
        try {
            path = PathPattern.parse(line.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw error(at + "/Route", e.getMessage());
        }
        boolean isPublic = flag(node, "Public", at);
        boolean delegated = flag(node, "Delegated", at);
        if (isPublic && delegated) {
            throw error(at + "/Delegated", "a route is either Public or Delegated");
        }
        MappedRequest.Mode mode = isPublic ? MappedRequest.Mode.PUBLIC
                : delegated ? MappedRequest.Mode.DELEGATED : MappedRequest.Mode.CHECKED;
        List<Route.CheckTemplate> checks = new ArrayList<>();
        if (mode != MappedRequest.Mode.CHECKED) {
            for (String field : List.of("Action", "Resource", "Also")) {
                if (node.has(field)) {
                    throw error(at + "/" + field, isPublic
                            ? "a public route authorizes nothing, so it has no " + field
                            : "a delegated route leaves authorization to the application, so it has no " + field);
                }
            }
        } else {
            if (!node.has("Action")) {
                throw error(at + "/Action", "missing (a route needs an Action and a Resource, or \"Public\": true)");
            }
            if (!node.has("Resource")) {
                throw error(at + "/Resource", "missing (use \"*\" for actions on no particular resource)");
            }
            checks.add(check(node, at, path));
            JsonNode also = node.get("Also");
            if (also != null) {
                if (!also.isArray()) {
                    throw error(at + "/Also", "must be an array of {\"Action\", \"Resource\"}");
                }
                for (int i = 0; i < also.size(); i++) {
                    JsonNode extra = also.get(i);
                    String extraAt = at + "/Also/" + i;
                    if (!extra.isObject()) {
                        throw error(extraAt, "must be an object with Action and Resource");
                    }
                    unknownFields(extra, Set.of("Action", "Resource"), extraAt);
                    checks.add(check(extra, extraAt, path));
                }
            }
        }
        Map<String, Template> context = new LinkedHashMap<>();
        JsonNode keys = node.get("Context");
        if (keys != null) {
            if (!keys.isObject()) {
                throw error(at + "/Context", "must map condition keys to templates");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> key = it.next();
                String keyAt = at + "/Context/" + pointerEscape(key.getKey());
                if (key.getKey().regionMatches(true, 0, "aws:", 0, 4)) {
                    throw error(keyAt, "global aws: keys come from the request itself; a route declares service keys");
                }
                if (key.getKey().indexOf(':') <= 0) {
                    throw error(keyAt, "a condition key is 'service:name'");
                }
                if (!key.getValue().isTextual()) {
                    throw error(keyAt, "must be a string template");
                }
                context.put(key.getKey(), template(key.getValue().textValue(), keyAt, path));
            }
        }
        List<Predicate> query = predicates(node, "Query", at);
        Set<String> named = new TreeSet<>();
        for (Predicate predicate : query) {
            if (predicate.requiresPresence() && selectors.contains(predicate.name())) {
                named.add(predicate.name());
            }
        }
        return new Route(sid, method, path, query, predicates(node, "Headers", at), mode, checks, context, named);
    }

    private boolean flag(JsonNode node, String field, String at) throws RouteTableException {
        JsonNode value = node.get(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw error(at + "/" + field, "must be true or false");
        }
        return value.booleanValue();
    }

    private Route.CheckTemplate check(JsonNode node, String at, PathPattern path) throws RouteTableException {
        Template action = template(text(node, "Action", at), at + "/Action", path);
        if (action.isLiteral() && !ACTION.matcher(action.toString()).matches()) {
            throw error(at + "/Action", "'" + action + "' is not 'service:Action'");
        }
        Template resource = template(text(node, "Resource", at), at + "/Resource", path);
        if (resource.isLiteral() && !isResource(resource.toString())) {
            throw error(at + "/Resource", "'" + resource + "' is neither '*' nor an ARN "
                    + "(arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)");
        }
        return new Route.CheckTemplate(action, resource);
    }

    static boolean isAction(String action) {
        return ACTION.matcher(action).matches();
    }

    static boolean isResource(String resource) {
        return resource.equals("*") || resource.startsWith("arn:") && resource.split(":", 6).length == 6;
    }

    private List<Predicate> predicates(JsonNode node, String field, String at) throws RouteTableException {
        JsonNode predicates = node.get(field);
        if (predicates == null) {
            return List.of();
        }
        if (!predicates.isObject()) {
            throw error(at + "/" + field, "must map names to a value, true (present) or false (absent)");
        }
        List<Predicate> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = predicates.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            String name = field.equals("Headers") ? entry.getKey().toLowerCase(Locale.ROOT) : entry.getKey();
            if (value.isTextual()) {
                list.add(new Predicate(name, value.textValue(), true));
            } else if (value.isBoolean()) {
                list.add(new Predicate(name, null, value.booleanValue()));
            } else {
                throw error(at + "/" + field + "/" + pointerEscape(entry.getKey()),
                        "must be a string (that exact value), true (present) or false (absent)");
            }
        }
        return list;
    }

    private Template template(String text, String at, PathPattern path) throws RouteTableException {
        try {
            return Template.parse(text, path.variables());
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private String text(JsonNode node, String field, String at) throws RouteTableException {
        JsonNode value = node.get(field);
        if (value == null) {
            throw error(at + "/" + field, "missing");
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw error(at + "/" + field, "must be a non-empty string");
        }
        return value.textValue();
    }

    private void unknownFields(JsonNode node, Set<String> known, String at) throws RouteTableException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(at + "/" + pointerEscape(name), "unknown field '" + name + "' (known: "
                        + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    private RouteTableException error(String pointer, String reason) {
        return new RouteTableException(source, pointer.isEmpty() ? "/" : pointer, reason);
    }

    private static String pointerEscape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
