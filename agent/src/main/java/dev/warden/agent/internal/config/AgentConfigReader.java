package dev.warden.agent.internal.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the agent's JSON config strictly: unknown fields, wrong types, missing values and malformed names are
 * refused with the file, a JSON pointer (or line and column) and the reason. Templates are checked against the
 * methods they apply to later, when those are known.
 */
public final class AgentConfigReader {

    private static final Pattern JAVA_NAME = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");
    private static final Pattern CLASS_PATTERN = Pattern.compile("[\\p{javaJavaIdentifierPart}.$*]+");
    private static final Pattern TYPE_NAME = Pattern.compile("[\\p{javaJavaIdentifierPart}.$]+(\\[])*");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_*?-]+");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]*");

    private final String source;
    private final Path folder;

    private AgentConfigReader(Path file) {
        this.source = file.toString();
        Path parent = file.toAbsolutePath().getParent();
        this.folder = parent == null ? Path.of("") : parent;
    }

    /**
     * Reads {@code file}; {@code storeOverride}, when not {@code null}, replaces its {@code store}.
     *
     * @throws ConfigException what is wrong, and where
     */
    public static AgentConfig read(Path file, Path storeOverride) throws ConfigException {
        AgentConfigReader reader = new AgentConfigReader(file);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(reader.source, "", "cannot read the agent config: no such file"
                    + (file.isAbsolute() ? "" : " (" + file.toAbsolutePath() + ")"));
        } catch (AccessDeniedException e) {
            throw new ConfigException(reader.source, "", "cannot read the agent config: permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigException(reader.source, "", "cannot read the agent config: not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(reader.source, "", "cannot read the agent config: " + e);
        }
        return reader.parse(text, storeOverride);
    }

    AgentConfig parse(String text, Path storeOverride) throws ConfigException {
        JsonNode root;
        try {
            root = JsonTree.read(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(source, where, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(source, "", "cannot read the agent config: " + e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source, "", "the agent config must be a JSON object");
        }
        onlyFields(root, "", Set.of("store", "region", "partition", "principal", "denial", "pointcuts", "verbose"));
        Path store = storeOverride != null ? storeOverride : folder.resolve(text(root, "", "store", true));
        String region = optionalText(root, "", "region", "us-east-1");
        if (!REGION.matcher(region).matches()) {
            throw new ConfigException(source, "/region", "a region is lower-case letters, digits and '-': '"
                    + region + "'");
        }
        String partition = optionalText(root, "", "partition", "aws");
        if (!partition.matches("[a-z0-9-]+")) {
            throw new ConfigException(source, "/partition", "a partition is lower-case letters, digits and '-'");
        }
        PrincipalConfig principal = principal(root.get("principal"));
        String denial = root.has("denial") ? typeName(root, "", "denial") : null;
        List<PointcutConfig> pointcuts = pointcuts(root.get("pointcuts"));
        JsonNode verbose = root.get("verbose");
        if (verbose != null && !verbose.isBoolean()) {
            throw new ConfigException(source, "/verbose", "must be true or false");
        }
        return new AgentConfig(Path.of(source), store.normalize(), region, partition, principal, denial, pointcuts,
                verbose != null && verbose.booleanValue());
    }

    private PrincipalConfig principal(JsonNode node) throws ConfigException {
        if (node == null) {
            return PrincipalConfig.requestContextOnly();
        }
        String at = "/principal";
        if (!node.isObject()) {
            throw new ConfigException(source, at, "must be an object with \"source\"");
        }
        onlyFields(node, at, Set.of("source", "method", "field", "arn"));
        String name = text(node, at, "source", true);
        PrincipalSource kind = PrincipalSource.named(name).orElseThrow(() -> new ConfigException(source,
                at + "/source", "unknown principal source '" + name + "'; one of " + PrincipalSource.names()));
        String member = null;
        if (kind == PrincipalSource.STATIC_METHOD || kind == PrincipalSource.THREAD_LOCAL) {
            String field = kind == PrincipalSource.STATIC_METHOD ? "method" : "field";
            String other = kind == PrincipalSource.STATIC_METHOD ? "field" : "method";
            if (node.has(other)) {
                throw new ConfigException(source, at + "/" + other, "not used by source \"" + name + "\"");
            }
            member = text(node, at, field, true);
            int dot = member.lastIndexOf('.');
            if (dot <= 0 || !TYPE_NAME.matcher(member.substring(0, dot)).matches()
                    || !JAVA_NAME.matcher(member.substring(dot + 1)).matches()) {
                throw new ConfigException(source, at + "/" + field, "must be fully.qualified.Class." + field
                        + "Name: '" + member + "'");
            }
        } else {
            for (String unused : List.of("method", "field")) {
                if (node.has(unused)) {
                    throw new ConfigException(source, at + "/" + unused, "not used by source \"" + name + "\"");
                }
            }
        }
        String arn = node.has("arn") ? text(node, at, "arn", true) : null;
        if (arn != null && (!arn.startsWith("arn:") || !arn.contains("{name}"))) {
            throw new ConfigException(source, at + "/arn",
                    "must be an ARN template with {name}, such as arn:aws:iam::111122223333:user/{name}: '" + arn + "'");
        }
        if (arn == null && kind != PrincipalSource.REQUEST_CONTEXT) {
            throw new ConfigException(source, at, "source \"" + name + "\" needs \"arn\", the template that turns a "
                    + "name into an ARN (arn:aws:iam::111122223333:user/{name})");
        }
        return new PrincipalConfig(kind, member, arn);
    }

    private List<PointcutConfig> pointcuts(JsonNode node) throws ConfigException {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ConfigException(source, "/pointcuts", "must be an array of pointcuts");
        }
        List<PointcutConfig> pointcuts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/pointcuts/" + i;
            JsonNode p = node.get(i);
            if (!p.isObject()) {
                throw new ConfigException(source, at, "must be an object");
            }
            onlyFields(p, at, Set.of("class", "method", "parameters", "action", "resource", "context"));
            String type = text(p, at, "class", true);
            if (!CLASS_PATTERN.matcher(type).matches() || type.startsWith(".") || type.endsWith(".")) {
                throw new ConfigException(source, at + "/class", "not a class name or pattern: '" + type + "'");
            }
            String method = text(p, at, "method", true);
            if (!JAVA_NAME.matcher(method).matches()) {
                throw new ConfigException(source, at + "/method", "not a method name: '" + method + "'");
            }
            List<String> parameters = null;
            JsonNode params = p.get("parameters");
            if (params != null) {
                if (!params.isArray()) {
                    throw new ConfigException(source, at + "/parameters", "must be an array of type names");
                }
                parameters = new ArrayList<>();
                for (int j = 0; j < params.size(); j++) {
                    JsonNode t = params.get(j);
                    if (!t.isTextual() || !TYPE_NAME.matcher(t.textValue()).matches()) {
                        throw new ConfigException(source, at + "/parameters/" + j,
                                "must be a fully qualified type name (java.lang.String, int, byte[])");
                    }
                    parameters.add(t.textValue());
                }
            }
            String action = text(p, at, "action", true);
            if (!ACTION.matcher(action).matches()) {
                throw new ConfigException(source, at + "/action", "an action is 'service:Action': '" + action + "'");
            }
            String resource = text(p, at, "resource", true);
            Map<String, String> context = new LinkedHashMap<>();
            JsonNode keys = p.get("context");
            if (keys != null) {
                if (!keys.isObject()) {
                    throw new ConfigException(source, at + "/context", "must map condition key names to templates");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String pointer = at + "/context/" + e.getKey().replace("~", "~0").replace("/", "~1");
                    if (!e.getValue().isTextual()) {
                        throw new ConfigException(source, pointer, "must be a template string");
                    }
                    context.put(e.getKey(), e.getValue().textValue());
                }
            }
            pointcuts.add(new PointcutConfig(source + " " + at, type, method, parameters, action, resource, context));
        }
        return pointcuts;
    }

    private String typeName(JsonNode node, String at, String field) throws ConfigException {
        String name = text(node, at, field, true);
        if (!TYPE_NAME.matcher(name).matches() || name.endsWith("]")) {
            throw new ConfigException(source, at + "/" + field, "not a class name: '" + name + "'");
        }
        return name;
    }

    private void onlyFields(JsonNode node, String at, Set<String> known) throws ConfigException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new ConfigException(source, at + "/" + name, "unknown field; known: " + String.join(", ",
                        known.stream().sorted().toList()));
            }
        }
    }

    private String optionalText(JsonNode node, String at, String field, String absent) throws ConfigException {
        return node.has(field) ? text(node, at, field, true) : absent;
    }

    private String text(JsonNode node, String at, String field, boolean required) throws ConfigException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new ConfigException(source, at + "/" + field, "missing");
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new ConfigException(source, at + "/" + field, "must be a non-empty string");
        }
        return value.textValue();
    }
}
