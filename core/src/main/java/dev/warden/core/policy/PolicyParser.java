package dev.warden.core.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.warden.core.policy.condition.ConditionClause;
import dev.warden.core.policy.condition.InvalidConditionException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads AWS policy JSON and validates it as IAM does: element names and types, the rules of the document's
 * {@link PolicyKind}, action and ARN syntax, every condition operator and value, and the size quota. The first
 * problem found is reported with its JSON pointer; nothing invalid gets through.
 *
 * <p>Thread-safe and stateless.
 */
public final class PolicyParser {

    private static final JsonMapper MAPPER = StrictJson.MAPPER;

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    private PolicyParser() {
    }

    /** Parses and validates {@code json} as a policy of {@code kind}. */
    public static Policy parse(String json, PolicyKind kind) throws MalformedPolicyException {
        return parse(json, kind, null);
    }

    /**
     * Parses and validates {@code json}, and hands over the resource patterns and condition clauses that validation
     * compiled (one entry per statement, in order) so that compiling the policy need not compile them again.
     */
    static Policy parse(String json, PolicyKind kind, List<Precompiled> compiled) throws MalformedPolicyException {
        checkSize(json, kind);
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw jsonError(e);
        } catch (NumberFormatException e) {
            throw numberError(json);
        }
        if (root == null || root.isMissingNode()) {
            throw malformed("", "policy document is empty");
        }
        return validate(root, kind, json, compiled);
    }

    /**
     * Validates an already parsed document (for example a policy embedded as an object in a larger JSON input,
     * whose duplicate keys that input's reader has already refused).
     */
    public static Policy parse(JsonNode document, PolicyKind kind) throws MalformedPolicyException {
        String text = document.toString();
        checkSize(text, kind);
        return validate(document, kind, text, null);
    }

    private static void checkSize(String json, PolicyKind kind) throws MalformedPolicyException {
        long characters = json.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        if (characters > kind.maxCharacters()) {
            throw new MalformedPolicyException(MalformedPolicyException.LIMIT_EXCEEDED, "",
                    "a " + kind.description() + " may have at most " + kind.maxCharacters()
                            + " characters (not counting whitespace); this one has " + characters);
        }
    }

    private static MalformedPolicyException jsonError(JsonProcessingException e) {
        String pointer = e.getProcessor() instanceof JsonParser parser ? pointer(parser) : "";
        String where = where(e.getLocation());
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        if (message.startsWith("Duplicate field")) {
            message = message.replace("Duplicate field", "duplicate key");
        } else {
            message = "invalid JSON: " + message;
        }
        return malformed(pointer, message + where);
    }

    /**
     * Jackson throws a bare {@link NumberFormatException} for a number no {@code BigDecimal} can hold (an exponent
     * beyond the int range, {@code 1e99999999999}); read the document again to say where it is.
     */
    private static MalformedPolicyException numberError(String json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    try {
                        parser.getDecimalValue();
                    } catch (NumberFormatException e) {
                        String text = parser.getText();
                        return malformed(pointer(parser), "invalid JSON: number "
                                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + " is out of range"
                                + where(parser.currentTokenLocation()));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            return jsonError(e);
        } catch (IOException e) {
            // reading a String does no I/O
        }
        return malformed("", "invalid JSON: a number is out of range");
    }

    private static String pointer(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        String pointer = context.pathAsPointer().toString();
        if (context.inObject() && context.getCurrentName() != null
                && !pointer.endsWith("/" + escape(context.getCurrentName()))) {
            pointer = pointer + "/" + escape(context.getCurrentName());
        }
        return pointer;
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static Policy validate(JsonNode root, PolicyKind kind, String text, List<Precompiled> compiled)
            throws MalformedPolicyException {
        if (!root.isObject()) {
            throw malformed("", "a policy must be a JSON object, not " + typeName(root));
        }
        rejectUnknown(root, TOP_LEVEL, "", "policy");
        String version = null;
        JsonNode versionNode = root.get("Version");
        if (versionNode != null) {
            if (!versionNode.isTextual()) {
                throw malformed("/Version", "Version must be a string, not " + typeName(versionNode));
            }
            version = versionNode.textValue();
            if (!version.equals(Policy.VERSION_2012) && !version.equals(Policy.VERSION_2008)) {
                throw malformed("/Version", "Version must be \"2012-10-17\" or \"2008-10-17\", not \"" + version + "\"");
            }
        }
        String id = null;
        JsonNode idNode = root.get("Id");
        if (idNode != null) {
            if (!idNode.isTextual()) {
                throw malformed("/Id", "Id must be a string, not " + typeName(idNode));
            }
            id = idNode.textValue();
        }
        JsonNode statementNode = root.get("Statement");
        if (statementNode == null) {
            throw malformed("", "a policy must have a Statement");
        }
        boolean variables = Policy.VERSION_2012.equals(version);
        List<Statement> statements = new ArrayList<>();
        if (statementNode.isObject()) {
            statements.add(statement(statementNode, 0, "/Statement", kind, variables, compiled));
        } else if (statementNode.isArray()) {
            if (statementNode.isEmpty()) {
                throw malformed("/Statement", "Statement must hold at least one statement");
            }
            for (int i = 0; i < statementNode.size(); i++) {
                statements.add(statement(statementNode.get(i), i, "/Statement/" + i, kind, variables, compiled));
            }
        } else {
            throw malformed("/Statement", "Statement must be an object or an array of objects, not " + typeName(statementNode));
        }
        checkUniqueSids(statements, statementNode.isArray());
        return new Policy(kind, version, id, statements, text);
    }

    private static void checkUniqueSids(List<Statement> statements, boolean array) throws MalformedPolicyException {
        Set<String> seen = new HashSet<>();
        for (Statement s : statements) {
            if (s.sid() != null && !s.sid().isEmpty() && !seen.add(s.sid())) {
                throw malformed((array ? "/Statement/" + s.index() : "/Statement") + "/Sid",
                        "Statement IDs (Sid) must be unique within a policy; '" + s.sid() + "' is used twice");
            }
        }
    }

    private static Statement statement(JsonNode node, int index, String at, PolicyKind kind, boolean variables,
                                       List<Precompiled> compiled) throws MalformedPolicyException {
        if (!node.isObject()) {
            throw malformed(at, "a statement must be a JSON object, not " + typeName(node));
        }
        rejectUnknown(node, STATEMENT, at, "statement");
        String sid = null;
        JsonNode sidNode = node.get("Sid");
        if (sidNode != null) {
            if (!sidNode.isTextual()) {
                throw malformed(at + "/Sid", "Sid must be a string, not " + typeName(sidNode));
            }
            sid = sidNode.textValue();
            if (kind.shape() != PolicyKind.Shape.RESOURCE && !sid.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
                throw malformed(at + "/Sid", "Sid must be alphanumeric (A-Z, a-z, 0-9) in a " + kind.description()
                        + ", not \"" + sid + "\"");
            }
        }
        Effect effect = effect(node.get("Effect"), at);
        PrincipalElement principal = null;
        boolean notPrincipal = false;
        if (node.has("Principal") && node.has("NotPrincipal")) {
            throw malformed(at + "/NotPrincipal", "a statement may have Principal or NotPrincipal, not both");
        }
        if (node.has("Principal") || node.has("NotPrincipal")) {
            notPrincipal = node.has("NotPrincipal");
            String element = notPrincipal ? "NotPrincipal" : "Principal";
            if (!kind.takesPrincipal()) {
                throw malformed(at + "/" + element, "a " + kind.description() + " must not name a " + element
                        + "; the principal is whoever the policy is attached to");
            }
            principal = principal(node.get(element), at + "/" + element);
            if (kind.shape() == PolicyKind.Shape.RESOURCE_CONTROL && (notPrincipal || !principal.isEveryone())) {
                throw malformed(at + "/" + element, "a resource control policy must have \"Principal\": \"*\"");
            }
            if (notPrincipal && kind.shape() == PolicyKind.Shape.TRUST) {
                throw malformed(at + "/NotPrincipal", "a role trust policy cannot use NotPrincipal; name who may "
                        + "assume the role in a Principal element");
            }
            if (notPrincipal && effect != Effect.DENY) {
                throw malformed(at + "/NotPrincipal", "NotPrincipal can only be used with \"Effect\": \"Deny\"");
            }
        } else if (kind.takesPrincipal()) {
            throw malformed(at, "a " + kind.description() + " statement must have a Principal or NotPrincipal");
        }
        if (kind.shape() == PolicyKind.Shape.RESOURCE_CONTROL && effect != Effect.DENY) {
            throw malformed(at + "/Effect", "a resource control policy may only Deny (every level already has RCPFullAWSAccess)");
        }
        if (node.has("Action") && node.has("NotAction")) {
            throw malformed(at + "/NotAction", "a statement may have Action or NotAction, not both");
        }
        if (node.has("NotAction") && kind.shape() == PolicyKind.Shape.RESOURCE_CONTROL) {
            throw malformed(at + "/NotAction", "a resource control policy cannot use NotAction; list the actions to deny");
        }
        if (!node.has("Action") && !node.has("NotAction")) {
            throw malformed(at, "a statement must have an Action or a NotAction");
        }
        boolean notAction = node.has("NotAction");
        String actionElement = notAction ? "NotAction" : "Action";
        List<String> actions = strings(node.get(actionElement), at + "/" + actionElement, actionElement);
        for (int i = 0; i < actions.size(); i++) {
            checkAction(actions.get(i), pointer(at + "/" + actionElement, node.get(actionElement), i));
            if (kind.shape() == PolicyKind.Shape.RESOURCE_CONTROL && ActionPattern.isAllStars(actions.get(i))) {
                throw malformed(pointer(at + "/" + actionElement, node.get(actionElement), i),
                        "a resource control policy may not use \"*\" as its action; name the service (\"s3:*\")");
            }
        }
        if (node.has("Resource") && node.has("NotResource")) {
            throw malformed(at + "/NotResource", "a statement may have Resource or NotResource, not both");
        }
        List<String> resources = null;
        List<ResourcePattern> patterns = new ArrayList<>();
        boolean notResource = node.has("NotResource");
        if (node.has("Resource") || notResource) {
            String element = notResource ? "NotResource" : "Resource";
            if (kind.shape() == PolicyKind.Shape.TRUST) {
                throw malformed(at + "/" + element, "a role trust policy must not have a " + element
                        + "; the resource is the role itself");
            }
            resources = strings(node.get(element), at + "/" + element, element);
            for (int i = 0; i < resources.size(); i++) {
                patterns.add(resource(resources.get(i), pointer(at + "/" + element, node.get(element), i), variables));
            }
        } else if (kind.shape() != PolicyKind.Shape.TRUST) {
            throw malformed(at, "a " + kind.description() + " statement must have a Resource or a NotResource");
        }
        List<ConditionClause> clauses = new ArrayList<>();
        List<Statement.Condition> conditions = conditions(node.get("Condition"), at + "/Condition", variables, clauses);
        if (compiled != null) {
            compiled.add(new Precompiled(resources == null ? null : patterns.toArray(ResourcePattern[]::new),
                    clauses.toArray(ConditionClause[]::new)));
        }
        return new Statement(index, sid, effect, principal, notPrincipal, actions, notAction, resources, notResource,
                conditions);
    }

    private static Effect effect(JsonNode node, String at) throws MalformedPolicyException {
        if (node == null) {
            throw malformed(at, "a statement must have an Effect");
        }
        if (node.isTextual() && node.textValue().equals("Allow")) {
            return Effect.ALLOW;
        }
        if (node.isTextual() && node.textValue().equals("Deny")) {
            return Effect.DENY;
        }
        throw malformed(at + "/Effect", "Effect must be \"Allow\" or \"Deny\", not " + describe(node));
    }

    private static PrincipalElement principal(JsonNode node, String at) throws MalformedPolicyException {
        if (node.isTextual()) {
            if (!ActionPattern.isAllStars(node.textValue())) {
                throw malformed(at, "a principal given as a string must be \"*\"; name others by type, as in "
                        + "{\"AWS\": \"arn:aws:iam::111122223333:root\"}");
            }
            return new PrincipalElement(true, List.of(), List.of(), List.of(), List.of());
        }
        if (!node.isObject() || node.isEmpty()) {
            throw malformed(at, "a principal must be \"*\" or an object such as {\"AWS\": [...]}, not " + describe(node));
        }
        rejectUnknown(node, PRINCIPAL_TYPES, at, "principal element (use AWS, Service, Federated or CanonicalUser)");
        List<String> aws = node.has("AWS") ? strings(node.get("AWS"), at + "/AWS", "AWS") : List.of();
        for (int i = 0; i < aws.size(); i++) {
            checkAwsPrincipal(aws.get(i), pointer(at + "/AWS", node.get("AWS"), i));
        }
        List<String> service = node.has("Service") ? strings(node.get("Service"), at + "/Service", "Service") : List.of();
        for (int i = 0; i < service.size(); i++) {
            if (service.get(i).isEmpty() || service.get(i).chars().anyMatch(c -> Character.isWhitespace(c) || c == '*')) {
                throw malformed(pointer(at + "/Service", node.get("Service"), i),
                        "invalid service principal \"" + service.get(i) + "\"");
            }
        }
        List<String> federated = node.has("Federated") ? strings(node.get("Federated"), at + "/Federated", "Federated") : List.of();
        List<String> canonical = node.has("CanonicalUser")
                ? strings(node.get("CanonicalUser"), at + "/CanonicalUser", "CanonicalUser") : List.of();
        return new PrincipalElement(false, aws, service, federated, canonical);
    }

    private static void checkAwsPrincipal(String value, String at) throws MalformedPolicyException {
        if (ActionPattern.isAllStars(value) || PrincipalElement.isAccountId(value) || PrincipalElement.isAccountRoot(value)) {
            return;
        }
        if (value.matches("A[A-Z0-9]{8,127}")) {
            return;
        }
        String[] parts = value.split(":", 6);
        boolean arn = parts.length == 6 && parts[0].equals("arn") && !parts[1].isEmpty()
                && (parts[2].equals("iam") || parts[2].equals("sts")) && parts[3].isEmpty()
                && PrincipalElement.isAccountId(parts[4]) && !parts[5].isEmpty();
        if (!arn) {
            throw malformed(at, "invalid principal \"" + value + "\": expected \"*\", a 12-digit account id, "
                    + "or an IAM/STS ARN such as arn:aws:iam::111122223333:user/alice");
        }
        if (value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
            throw malformed(at, "invalid principal \"" + value
                    + "\": a principal ARN cannot hold wildcards (use a condition on aws:PrincipalArn)");
        }
    }

    private static void checkAction(String action, String at) throws MalformedPolicyException {
        if (ActionPattern.isAllStars(action)) {
            return;
        }
        int colon = action.indexOf(':');
        if (colon <= 0 || colon == action.length() - 1 || action.indexOf(':', colon + 1) >= 0) {
            throw malformed(at, "action \"" + action + "\" must be \"*\" or \"service:ActionName\"");
        }
        for (int i = 0; i < colon; i++) {
            char c = action.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '-') {
                throw malformed(at, "action \"" + action + "\": a service prefix has only letters, digits and hyphens");
            }
        }
        for (int i = colon + 1; i < action.length(); i++) {
            char c = action.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '*' && c != '?' && c != '-' && c != '_') {
                throw malformed(at, "action \"" + action + "\": an action name has only letters, digits, '-', '_', "
                        + "and the wildcards '*' and '?'");
            }
        }
    }

    private static ResourcePattern resource(String resource, String at, boolean variables)
            throws MalformedPolicyException {
        try {
            return ResourcePattern.compile(resource, variables);
        } catch (IllegalArgumentException e) {
            throw malformed(at, "resource \"" + resource + "\": " + e.getMessage());
        }
    }

    private static List<Statement.Condition> conditions(JsonNode node, String at, boolean variables,
                                                        List<ConditionClause> compiled) throws MalformedPolicyException {
        if (node == null) {
            return List.of();
        }
        if (!node.isObject()) {
            throw malformed(at, "Condition must be an object of operators, not " + typeName(node));
        }
        List<Statement.Condition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = node.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            String opAt = at + "/" + escape(op.getKey());
            if (!op.getValue().isObject() || op.getValue().isEmpty()) {
                throw malformed(opAt, "a condition operator takes an object of context keys and values, not "
                        + describe(op.getValue()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                String keyAt = opAt + "/" + escape(key.getKey());
                List<String> values = conditionValues(key.getValue(), keyAt);
                try {
                    compiled.add(ConditionClause.compile(op.getKey(), key.getKey(), values, variables));
                } catch (InvalidConditionException e) {
                    String where = e.valueIndex() == InvalidConditionException.OPERATOR ? opAt
                            : e.valueIndex() == InvalidConditionException.KEY ? keyAt
                            : pointer(keyAt, key.getValue(), e.valueIndex());
                    throw malformed(where, e.getMessage());
                }
                out.add(new Statement.Condition(op.getKey(), key.getKey(), values));
            }
        }
        return out;
    }

    private static List<String> conditionValues(JsonNode node, String at) throws MalformedPolicyException {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                values.add(scalar(node.get(i), at + "/" + i));
            }
        } else {
            values.add(scalar(node, at));
        }
        return values;
    }

    private static String scalar(JsonNode node, String at) throws MalformedPolicyException {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            if (node.isBigDecimal()) {
                // Plain text for the numbers a condition can compare (at most 60 digits); the plain text of 1e999999999
                // would be a billion characters, so far-out exponents keep their exponent form (and are no number).
                BigDecimal value = node.decimalValue();
                return value.precision() + Math.abs((long) value.scale()) <= 100 ? value.toPlainString() : value.toString();
            }
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        throw malformed(at, "a condition value must be a string, number or boolean, not " + typeName(node));
    }

    private static List<String> strings(JsonNode node, String at, String element) throws MalformedPolicyException {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                throw malformed(at, element + " must not be an empty array");
            }
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw malformed(at + "/" + i, element + " entries must be strings, not " + typeName(node.get(i)));
                }
                out.add(node.get(i).textValue());
            }
        } else {
            throw malformed(at, element + " must be a string or an array of strings, not " + typeName(node));
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isEmpty()) {
                throw malformed(pointer(at, node, i), element + " entries must not be empty");
            }
        }
        return out;
    }

    private static void rejectUnknown(JsonNode node, Set<String> allowed, String at, String what)
            throws MalformedPolicyException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw malformed(at + "/" + escape(name), "unknown element \"" + name + "\" in " + what);
            }
        }
    }

    /** The pointer of entry {@code i} of an element that may be a single string or an array. */
    private static String pointer(String at, JsonNode node, int i) {
        return node != null && node.isArray() ? at + "/" + i : at;
    }

    /** A JSON pointer reference token for {@code name} (RFC 6901). */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String typeName(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String describe(JsonNode node) {
        return node.isTextual() ? "\"" + node.textValue() + "\"" : typeName(node);
    }

    private static MalformedPolicyException malformed(String pointer, String reason) {
        return new MalformedPolicyException(MalformedPolicyException.MALFORMED, pointer, reason);
    }
}
