package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns AWS CLI arguments ({@code create-user --user-name alice --tags Key=team,Value=blue}) into the IAM Query
 * operation and parameters ({@code CreateUser}, {@code UserName=alice}, {@code Tags.member.1.Key=team}, ...), as the
 * AWS CLI would send them. Values may be {@code file://PATH}. Lists take several values ({@code --action-names a b});
 * tags and context entries take the CLI's shorthand or JSON; booleans are flags ({@code --set-as-default},
 * {@code --no-set-as-default}).
 */
final class AwsCliParameters {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LISTS = Set.of("ActionNames", "ResourceArns", "PolicyInputList",
            "PermissionsBoundaryPolicyInputList", "TagKeys", "Filter", "ClientIDList", "ThumbprintList");
    private static final Set<String> FLAGS = Set.of("SetAsDefault", "OnlyAttached");
    private static final Map<String, String> WORDS = Map.of("Mfa", "MFA", "Saml", "SAML", "Oidc", "OIDC");

    private AwsCliParameters() {
    }

    /** {@code create-user} to {@code CreateUser}. */
    static String operation(String kebab) {
        return pascal(kebab);
    }

    /** The Query parameters the arguments stand for. */
    static Map<String, String> parse(List<String> arguments) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--") || argument.length() == 2) {
                throw new IllegalArgumentException("expected an option such as --user-name, got '" + argument + "'");
            }
            String option = argument.substring(2);
            if (option.startsWith("no-") && FLAGS.contains(pascal(option.substring(3)))) {
                out.put(pascal(option.substring(3)), "false");
                continue;
            }
            String name = pascal(option);
            if (FLAGS.contains(name)) {
                out.put(name, "true");
                continue;
            }
            List<String> values = new ArrayList<>();
            while (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                values.add(value(arguments.get(++i)));
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("--" + option + " needs a value");
            }
            if (name.equals("Tags")) {
                tags(values, out);
            } else if (name.equals("ContextEntries")) {
                contextEntries(values, out);
            } else if (LISTS.contains(name)) {
                for (int k = 0; k < values.size(); k++) {
                    out.put(name + ".member." + (k + 1), values.get(k));
                }
            } else if (values.size() == 1) {
                out.put(name, values.get(0));
            } else {
                throw new IllegalArgumentException("--" + option + " takes one value, got " + values.size());
            }
        }
        return out;
    }

    private static String value(String raw) throws IOException {
        if (raw.startsWith("file://")) {
            return Files.readString(Path.of(raw.substring("file://".length())), StandardCharsets.UTF_8);
        }
        return raw;
    }

    private static void tags(List<String> values, Map<String, String> out) throws IOException {
        int n = 0;
        for (String value : values) {
            if (value.strip().startsWith("[")) {
                for (JsonNode tag : JSON.readTree(value)) {
                    n++;
                    out.put("Tags.member." + n + ".Key", tag.path("Key").asText());
                    out.put("Tags.member." + n + ".Value", tag.path("Value").asText());
                }
                continue;
            }
            n++;
            for (String pair : value.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--tags takes Key=KEY,Value=VALUE, got '" + value + "'");
                }
                out.put("Tags.member." + n + "." + pair.substring(0, eq).strip(), pair.substring(eq + 1));
            }
        }
    }

    private static void contextEntries(List<String> values, Map<String, String> out) throws IOException {
        int n = 0;
        for (String value : values) {
            if (value.strip().startsWith("[")) {
                for (JsonNode entry : JSON.readTree(value)) {
                    n++;
                    put(out, n, entry.path("ContextKeyName").asText(), entry.path("ContextKeyType").asText("string"),
                            entry.path("ContextKeyValues"));
                }
                continue;
            }
            n++;
            String name = null;
            String type = "string";
            List<String> keyValues = new ArrayList<>();
            String current = null;
            for (String part : value.split(",")) {
                int eq = part.indexOf('=');
                String field = eq > 0 ? part.substring(0, eq) : null;
                if ("ContextKeyName".equals(field) || "ContextKeyType".equals(field) || "ContextKeyValues".equals(field)) {
                    current = field;
                    part = part.substring(eq + 1);
                }
                if ("ContextKeyName".equals(current)) {
                    name = part;
                } else if ("ContextKeyType".equals(current)) {
                    type = part;
                } else if ("ContextKeyValues".equals(current)) {
                    keyValues.add(part);
                } else {
                    throw new IllegalArgumentException("--context-entries takes ContextKeyName=K,ContextKeyValues=V,"
                            + "ContextKeyType=T, got '" + value + "'");
                }
            }
            out.put("ContextEntries.member." + n + ".ContextKeyName", name);
            out.put("ContextEntries.member." + n + ".ContextKeyType", type);
            for (int k = 0; k < keyValues.size(); k++) {
                out.put("ContextEntries.member." + n + ".ContextKeyValues.member." + (k + 1), keyValues.get(k));
            }
        }
    }

    private static void put(Map<String, String> out, int n, String name, String type, JsonNode values) {
        out.put("ContextEntries.member." + n + ".ContextKeyName", name);
        out.put("ContextEntries.member." + n + ".ContextKeyType", type);
        int k = 0;
        for (JsonNode v : values) {
            out.put("ContextEntries.member." + n + ".ContextKeyValues.member." + (++k), v.asText());
        }
    }

    private static String pascal(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            if (part.isEmpty()) {
                continue;
            }
            String word = Character.toUpperCase(part.charAt(0)) + part.substring(1);
            out.append(WORDS.getOrDefault(word, word));
        }
        // AWS spells these two with a capital ID: --open-id-connect-provider-arn, --client-id-list
        return out.toString().replace("OpenIdConnect", "OpenIDConnect").replace("ClientId", "ClientID");
    }
}
