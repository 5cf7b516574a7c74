package dev.warden.core.iam;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.core.auth.password.PasswordHasher;
import dev.warden.core.auth.password.PasswordPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.StrictJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entities to store documents and back. One readable JSON file per entity, diff-friendly, with every policy
 * document embedded exactly as it was given:
 * <pre>
 *   organization.json
 *   accounts/111122223333/account.json
 *   accounts/111122223333/users/alice.json      groups/NAME.json   roles/NAME.json   policies/NAME.json
 * </pre>
 * Reading validates everything an IAM operation would (names, ids, policies with their kind's rules) and names the
 * file, the JSON pointer and the reason of the first problem.
 */
final class DirectoryCodec {

    static final String ORGANIZATION = "organization.json";
    private static final String ACCOUNTS = "accounts/";
    private static final String LEADING_DOT = "%2E";

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private DirectoryCodec() {
    }

    // ---------------------------------------------------------------------------------------------- paths

    static String accountPath(String accountId) {
        return ACCOUNTS + accountId + "/account.json";
    }

    static String userPath(String accountId, String name) {
        return ACCOUNTS + accountId + "/users/" + fileName(name) + ".json";
    }

    static String groupPath(String accountId, String name) {
        return ACCOUNTS + accountId + "/groups/" + fileName(name) + ".json";
    }

    static String rolePath(String accountId, String name) {
        return ACCOUNTS + accountId + "/roles/" + fileName(name) + ".json";
    }

    static String policyPath(String accountId, String name) {
        return ACCOUNTS + accountId + "/policies/" + fileName(name) + ".json";
    }

    /**
     * The file name of an entity: its name, except that a leading {@code .} is written {@code %2E}. IAM names may
     * start with a dot, but the file store keeps dot files (editor swap files, {@code .git}, its own {@code .warden})
     * out of the directory; {@code %} is not allowed in IAM names, so the escape cannot collide with a real name.
     */
    private static String fileName(String name) {
        return name.startsWith(".") ? LEADING_DOT + name.substring(1) : name;
    }

    private static String entityName(String fileName) {
        return fileName.startsWith(LEADING_DOT) ? "." + fileName.substring(LEADING_DOT.length()) : fileName;
    }

    /** What a store path holds, or {@code null} for paths that are not Warden's. */
    record Location(Kind kind, String accountId, String name) {
        enum Kind { ORGANIZATION, ACCOUNT, USER, GROUP, ROLE, POLICY }
    }

    static Location locate(String path) {
        if (path.equals(ORGANIZATION)) {
            return new Location(Location.Kind.ORGANIZATION, null, null);
        }
        if (!path.startsWith(ACCOUNTS) || !path.endsWith(".json")) {
            return null;
        }
        String[] parts = path.substring(ACCOUNTS.length(), path.length() - ".json".length()).split("/", -1);
        if (parts.length == 2 && parts[1].equals("account")) {
            return new Location(Location.Kind.ACCOUNT, parts[0], null);
        }
        if (parts.length != 3 || parts[2].isEmpty()) {
            return null;
        }
        Location.Kind kind = switch (parts[1]) {
            case "users" -> Location.Kind.USER;
            case "groups" -> Location.Kind.GROUP;
            case "roles" -> Location.Kind.ROLE;
            case "policies" -> Location.Kind.POLICY;
            default -> null;
        };
        return kind == null ? null : new Location(kind, parts[0], entityName(parts[2]));
    }

    // ---------------------------------------------------------------------------------------------- writing

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(Body body) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = StrictJson.MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(PRETTY);
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /**
     * A policy document, embedded as the JSON object it is, exactly as it was given. A document with whitespace
     * before or after its object is embedded as a JSON string instead, since the file's own layout would swallow
     * that whitespace; reading takes either form.
     */
    private static void document(JsonGenerator g, PolicyDocument document) throws IOException {
        String text = document.text();
        if (text.isEmpty() || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            g.writeString(text);
        } else {
            g.writeRawValue(text);
        }
    }

    private static void policies(JsonGenerator g, String name, Map<String, PolicyDocument> policies) throws IOException {
        if (!policies.isEmpty()) {
            g.writeObjectFieldStart(name);
            for (Map.Entry<String, PolicyDocument> e : policies.entrySet()) {
                g.writeFieldName(e.getKey());
                document(g, e.getValue());
            }
            g.writeEndObject();
        }
    }

    static void tags(JsonGenerator g, List<Tag> tags) throws IOException {
        if (!tags.isEmpty()) {
            g.writeArrayFieldStart("tags");
            for (Tag tag : tags) {
                g.writeStartObject();
                g.writeStringField("Key", tag.key());
                g.writeStringField("Value", tag.value());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    static String encode(Account a) {
        return json(g -> {
            g.writeStringField("accountId", a.id());
            field(g, "alias", a.alias());
            g.writeStringField("createDate", a.createDate().toString());
            PasswordPolicy policy = a.settings().passwordPolicy();
            if (policy != null) {
                g.writeObjectFieldStart("passwordPolicy");
                g.writeNumberField("minimumPasswordLength", policy.minimumPasswordLength());
                g.writeBooleanField("requireSymbols", policy.requireSymbols());
                g.writeBooleanField("requireNumbers", policy.requireNumbers());
                g.writeBooleanField("requireUppercaseCharacters", policy.requireUppercaseCharacters());
                g.writeBooleanField("requireLowercaseCharacters", policy.requireLowercaseCharacters());
                g.writeBooleanField("allowUsersToChangePassword", policy.allowUsersToChangePassword());
                g.writeNumberField("maxPasswordAge", policy.maxPasswordAge());
                g.writeNumberField("passwordReusePrevention", policy.passwordReusePrevention());
                g.writeBooleanField("hardExpiry", policy.hardExpiry());
                g.writeEndObject();
            }
            if (!a.settings().mfaDevices().isEmpty()) {
                g.writeArrayFieldStart("mfaDevices");
                for (MfaDevice device : a.settings().mfaDevices()) {
                    g.writeStartObject();
                    g.writeStringField("serialNumber", device.serialNumber());
                    g.writeStringField("createDate", device.createDate().toString());
                    g.writeStringField("sealedSeed", device.sealedSeed());
                    field(g, "userName", device.userName());
                    if (device.enableDate() != null) {
                        g.writeStringField("enableDate", device.enableDate().toString());
                    }
                    if (device.lastUsedStep() > 0) {
                        g.writeNumberField("lastUsedStep", device.lastUsedStep());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            OidcProviderCodec.encode(g, a.settings().oidcProviders());
            RootUser root = a.root();
            if (!root.equals(RootUser.NONE)) {
                g.writeObjectFieldStart("rootUser");
                field(g, "email", root.email());
                credentials(g, root.accessKeys(), root.loginProfile(), root.passwordLastUsed());
                g.writeEndObject();
            }
        });
    }

    static String encode(User u) {
        return json(g -> {
            g.writeStringField("userName", u.name());
            g.writeStringField("userId", u.id());
            g.writeStringField("path", u.path());
            g.writeStringField("createDate", u.createDate().toString());
            field(g, "permissionsBoundary", u.permissionsBoundary());
            strings(g, "groups", u.groups());
            strings(g, "attachedPolicies", u.attachedPolicies());
            policies(g, "inlinePolicies", u.inlinePolicies());
            tags(g, u.tags());
            credentials(g, u.accessKeys(), u.loginProfile(), u.passwordLastUsed());
        });
    }

    /** Access keys, console password and its last use: the same fields for a user and for the root user. */
    private static void credentials(JsonGenerator g, List<AccessKey> keys, LoginProfile profile,
                                    Instant passwordLastUsed) throws IOException {
        if (!keys.isEmpty()) {
            g.writeArrayFieldStart("accessKeys");
            for (AccessKey key : keys) {
                g.writeStartObject();
                g.writeStringField("accessKeyId", key.id());
                g.writeStringField("status", key.status());
                g.writeStringField("createDate", key.createDate().toString());
                g.writeStringField("sealedSecret", key.sealedSecret());
                if (key.lastUsed() != null) {
                    g.writeObjectFieldStart("lastUsed");
                    g.writeStringField("date", key.lastUsed().date().toString());
                    field(g, "serviceName", key.lastUsed().serviceName());
                    field(g, "region", key.lastUsed().region());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (profile != null) {
            g.writeObjectFieldStart("loginProfile");
            g.writeStringField("passwordHash", profile.passwordHash());
            g.writeStringField("createDate", profile.createDate().toString());
            g.writeStringField("passwordLastChanged", profile.passwordLastChanged().toString());
            if (profile.passwordResetRequired()) {
                g.writeBooleanField("passwordResetRequired", true);
            }
            strings(g, "previousPasswordHashes", profile.previousPasswordHashes());
            g.writeEndObject();
        }
        if (passwordLastUsed != null) {
            g.writeStringField("passwordLastUsed", passwordLastUsed.toString());
        }
    }

    static String encode(Group group) {
        return json(g -> {
            g.writeStringField("groupName", group.name());
            g.writeStringField("groupId", group.id());
            g.writeStringField("path", group.path());
            g.writeStringField("createDate", group.createDate().toString());
            strings(g, "attachedPolicies", group.attachedPolicies());
            policies(g, "inlinePolicies", group.inlinePolicies());
        });
    }

    static String encode(Role r) {
        return json(g -> {
            g.writeStringField("roleName", r.name());
            g.writeStringField("roleId", r.id());
            g.writeStringField("path", r.path());
            g.writeStringField("createDate", r.createDate().toString());
            field(g, "description", r.description());
            g.writeNumberField("maxSessionDuration", r.maxSessionDuration());
            field(g, "permissionsBoundary", r.permissionsBoundary());
            g.writeFieldName("assumeRolePolicyDocument");
            document(g, r.trustPolicy());
            strings(g, "attachedPolicies", r.attachedPolicies());
            policies(g, "inlinePolicies", r.inlinePolicies());
            tags(g, r.tags());
        });
    }

    static String encode(ManagedPolicy p) {
        return json(g -> {
            g.writeStringField("policyName", p.name());
            g.writeStringField("policyId", p.id());
            g.writeStringField("path", p.path());
            field(g, "description", p.description());
            g.writeStringField("createDate", p.createDate().toString());
            g.writeStringField("updateDate", p.updateDate().toString());
            g.writeStringField("defaultVersionId", p.defaultVersionId());
            tags(g, p.tags());
            g.writeArrayFieldStart("versions");
            for (ManagedPolicy.PolicyVersion v : p.versions()) {
                g.writeStartObject();
                g.writeStringField("versionId", v.versionId());
                g.writeStringField("createDate", v.createDate().toString());
                g.writeFieldName("document");
                document(g, v.document());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    static String encode(Organization o) {
        return json(g -> {
            g.writeStringField("organizationId", o.id());
            g.writeStringField("managementAccountId", o.managementAccountId());
            g.writeArrayFieldStart("units");
            for (Organization.Unit unit : o.units()) {
                g.writeStartObject();
                g.writeStringField("id", unit.id());
                g.writeStringField("name", unit.name());
                field(g, "parentId", unit.parentId());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("accounts");
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(o.accountParents()).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("policies");
            for (Organization.ControlPolicy p : o.policies()) {
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeStringField("name", p.name());
                g.writeStringField("type", p.resourceControl() ? "RESOURCE_CONTROL_POLICY" : "SERVICE_CONTROL_POLICY");
                strings(g, "targets", p.targets());
                g.writeFieldName("document");
                document(g, p.document());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    // ---------------------------------------------------------------------------------------------- reading

    private record Parsed(JsonNode tree, Map<String, String> verbatim) {
    }

    private static Parsed parse(String path, String text) throws StoreDocumentException {
        try {
            JsonNode tree = StrictJson.MAPPER.readTree(text);
            Map<String, String> verbatim = VerbatimObjects.find(text, p ->
                    p.equals("/assumeRolePolicyDocument") || p.endsWith("/document")
                            || (p.startsWith("/inlinePolicies/") && p.indexOf('/', "/inlinePolicies/".length()) < 0));
            return new Parsed(tree, verbatim);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new StoreDocumentException(path, "", "invalid JSON: " + e.getOriginalMessage() + where);
        } catch (IOException | RuntimeException e) {
            throw new StoreDocumentException(path, "", "invalid JSON: " + e.getMessage());
        }
    }

    private static PolicyDocument policy(String path, Parsed parsed, String pointer, PolicyKind kind)
            throws StoreDocumentException {
        String text = parsed.verbatim().get(pointer);
        if (text == null) {
            // a document with whitespace around it is stored as a string (see document(...))
            JsonNode node = parsed.tree().at(pointer);
            if (!node.isTextual()) {
                throw new StoreDocumentException(path, pointer, "a policy document (a JSON object) is required");
            }
            text = node.textValue();
        }
        try {
            return PolicyDocument.parse(text, kind);
        } catch (MalformedPolicyException e) {
            throw new StoreDocumentException(path, pointer + e.pointer(), e.errorCode() + ": " + e.reason());
        }
    }

    private static Map<String, PolicyDocument> inlinePolicies(String path, Parsed parsed, JsonFields f, PolicyKind kind)
            throws StoreDocumentException {
        JsonNode node = f.node("inlinePolicies");
        Map<String, PolicyDocument> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw f.error("/inlinePolicies", "\"inlinePolicies\" must be an object of policy documents by name");
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            try {
                Constraint.POLICY_NAME.check(name);
            } catch (IamException e) {
                throw f.error("/inlinePolicies/" + name, e.getMessage());
            }
            out.put(name, policy(path, parsed, "/inlinePolicies/" + name, kind));
        }
        return out;
    }

    static List<Tag> tags(JsonFields f) throws StoreDocumentException {
        List<Tag> tags = new ArrayList<>();
        List<JsonNode> nodes = f.objects("tags");
        for (int i = 0; i < nodes.size(); i++) {
            JsonFields t = f.child(nodes.get(i), f.pointer("tags") + "/" + i, Set.of("Key", "Value"));
            tags.add(new Tag(t.constrained("Key", Constraint.TAG_KEY), t.constrained("Value", Constraint.TAG_VALUE)));
        }
        return tags;
    }

    private static void sameName(JsonFields f, String field, String name, String fileName) throws StoreDocumentException {
        if (!name.equals(fileName)) {
            throw f.error(f.pointer(field), "\"" + field + "\" is \"" + name + "\" but the file is named \"" + fileName
                    + ".json\"; rename one so they agree");
        }
    }

    static Account decodeAccount(String path, String text, String accountId) throws StoreDocumentException {
        JsonFields f = new JsonFields(path, parse(path, text).tree(), "", Set.of("accountId", "alias", "createDate",
                "passwordPolicy", "mfaDevices", OidcProviderCodec.FIELD, "rootUser"));
        String id = f.text("accountId");
        if (!id.equals(accountId)) {
            throw f.error("/accountId", "\"accountId\" is \"" + id + "\" but the folder is " + accountId);
        }
        String alias = f.optionalText("alias");
        if (alias != null) {
            f.constrained("alias", Constraint.ACCOUNT_ALIAS);
        }
        PasswordPolicy policy = null;
        if (f.node("passwordPolicy") != null && !f.node("passwordPolicy").isNull()) {
            JsonFields p = f.child(f.node("passwordPolicy"), f.pointer("passwordPolicy"), Set.of("minimumPasswordLength",
                    "requireSymbols", "requireNumbers", "requireUppercaseCharacters", "requireLowercaseCharacters",
                    "allowUsersToChangePassword", "maxPasswordAge", "passwordReusePrevention", "hardExpiry"));
            policy = new PasswordPolicy(
                    p.integer("minimumPasswordLength", PasswordPolicy.MINIMUM_LENGTH_LOWEST,
                            PasswordPolicy.MINIMUM_LENGTH_HIGHEST, PasswordPolicy.DEFAULT_MINIMUM_LENGTH),
                    p.bool("requireSymbols", false), p.bool("requireNumbers", false),
                    p.bool("requireUppercaseCharacters", false), p.bool("requireLowercaseCharacters", false),
                    p.bool("allowUsersToChangePassword", false),
                    p.integer("maxPasswordAge", 0, PasswordPolicy.MAX_PASSWORD_AGE_HIGHEST, 0),
                    p.integer("passwordReusePrevention", 0, PasswordPolicy.PASSWORD_REUSE_PREVENTION_HIGHEST, 0),
                    p.bool("hardExpiry", false));
        }
        List<MfaDevice> devices = new ArrayList<>();
        List<JsonNode> deviceNodes = f.objects("mfaDevices");
        for (int i = 0; i < deviceNodes.size(); i++) {
            JsonFields d = new JsonFields(path, deviceNodes.get(i), "/mfaDevices/" + i, Set.of("serialNumber",
                    "createDate", "sealedSeed", "userName", "enableDate", "lastUsedStep"));
            String userName = d.optionalText("userName");
            if (userName != null && !userName.equals(MfaDevice.ROOT_USER)) {
                d.constrained("userName", Constraint.USER_NAME);
            }
            devices.add(new MfaDevice(d.text("serialNumber"), d.date("createDate"), d.text("sealedSeed"), userName,
                    d.optionalDate("enableDate"), d.count("lastUsedStep")));
        }
        return Account.create(id, alias, f.date("createDate"))
                .withSettings(new AccountSettings(policy, devices, OidcProviderCodec.decode(path, f), rootUser(f)));
    }

    static User decodeUser(String path, String text, String fileName) throws StoreDocumentException {
        Parsed parsed = parse(path, text);
        JsonFields f = new JsonFields(path, parsed.tree(), "", Set.of("userName", "userId", "path", "createDate",
                "permissionsBoundary", "groups", "attachedPolicies", "inlinePolicies", "tags", "accessKeys",
                "loginProfile", "passwordLastUsed"));
        String name = f.constrained("userName", Constraint.USER_NAME);
        sameName(f, "userName", name, fileName);
        List<AccessKey> keys = accessKeys(f);
        return new User(name, f.constrained("path", Constraint.PATH), f.id("userId", UniqueIds.USER), f.date("createDate"),
                tags(f), f.strings("groups"), f.strings("attachedPolicies"),
                inlinePolicies(path, parsed, f, PolicyKind.USER_INLINE), f.optionalText("permissionsBoundary"), keys,
                loginProfile(f), f.optionalDate("passwordLastUsed"));
    }

    private static List<AccessKey> accessKeys(JsonFields owner) throws StoreDocumentException {
        List<AccessKey> keys = new ArrayList<>();
        List<JsonNode> keyNodes = owner.objects("accessKeys");
        for (int i = 0; i < keyNodes.size(); i++) {
            JsonFields k = owner.child(keyNodes.get(i), owner.pointer("accessKeys") + "/" + i,
                    Set.of("accessKeyId", "status", "createDate", "sealedSecret", "lastUsed"));
            String status = k.text("status");
            if (!status.equals("Active") && !status.equals("Inactive")) {
                throw k.error(k.pointer("status"), "\"status\" must be \"Active\" or \"Inactive\"");
            }
            AccessKey.LastUsed lastUsed = null;
            if (k.node("lastUsed") != null && !k.node("lastUsed").isNull()) {
                JsonFields u = k.child(k.node("lastUsed"), k.pointer("lastUsed"),
                        Set.of("date", "serviceName", "region"));
                lastUsed = new AccessKey.LastUsed(u.date("date"), u.optionalText("serviceName"), u.optionalText("region"));
            }
            keys.add(new AccessKey(k.id("accessKeyId", UniqueIds.ACCESS_KEY), status.equals("Active"), k.date("createDate"),
                    k.text("sealedSecret"), lastUsed));
        }
        return keys;
    }

    private static RootUser rootUser(JsonFields account) throws StoreDocumentException {
        JsonNode node = account.node("rootUser");
        if (node == null || node.isNull()) {
            return RootUser.NONE;
        }
        JsonFields r = account.child(node, account.pointer("rootUser"),
                Set.of("email", "accessKeys", "loginProfile", "passwordLastUsed"));
        String email = r.optionalText("email");
        if (email != null) {
            r.constrained("email", Constraint.EMAIL);
        }
        List<AccessKey> keys = accessKeys(r);
        if (keys.size() > 2) {
            throw r.error(r.pointer("accessKeys"), "the root user has at most 2 access keys, got " + keys.size());
        }
        return new RootUser(email, loginProfile(r), r.optionalDate("passwordLastUsed"), keys);
    }

    private static LoginProfile loginProfile(JsonFields user) throws StoreDocumentException {
        JsonNode node = user.node("loginProfile");
        if (node == null || node.isNull()) {
            return null;
        }
        JsonFields p = user.child(node, user.pointer("loginProfile"), Set.of("passwordHash", "createDate",
                "passwordLastChanged", "passwordResetRequired", "previousPasswordHashes"));
        String hash = p.text("passwordHash");
        try {
            PasswordHasher.checkEncoding(hash);
        } catch (IllegalArgumentException e) {
            throw p.error(p.pointer("passwordHash"), e.getMessage());
        }
        return new LoginProfile(hash, p.date("createDate"), p.date("passwordLastChanged"),
                p.bool("passwordResetRequired", false), p.strings("previousPasswordHashes"));
    }

    static Group decodeGroup(String path, String text, String fileName) throws StoreDocumentException {
        Parsed parsed = parse(path, text);
        JsonFields f = new JsonFields(path, parsed.tree(), "", Set.of("groupName", "groupId", "path", "createDate",
                "attachedPolicies", "inlinePolicies"));
        String name = f.constrained("groupName", Constraint.GROUP_NAME);
        sameName(f, "groupName", name, fileName);
        return new Group(name, f.constrained("path", Constraint.PATH), f.id("groupId", UniqueIds.GROUP),
                f.date("createDate"), f.strings("attachedPolicies"),
                inlinePolicies(path, parsed, f, PolicyKind.GROUP_INLINE));
    }

    static Role decodeRole(String path, String text, String fileName) throws StoreDocumentException {
        Parsed parsed = parse(path, text);
        JsonFields f = new JsonFields(path, parsed.tree(), "", Set.of("roleName", "roleId", "path", "createDate",
                "description", "maxSessionDuration", "permissionsBoundary", "assumeRolePolicyDocument",
                "attachedPolicies", "inlinePolicies", "tags"));
        String name = f.constrained("roleName", Constraint.ROLE_NAME);
        sameName(f, "roleName", name, fileName);
        return new Role(name, f.constrained("path", Constraint.PATH), f.id("roleId", UniqueIds.ROLE), f.date("createDate"),
                f.optionalText("description"), f.integer("maxSessionDuration", 3600, 43200),
                policy(path, parsed, "/assumeRolePolicyDocument", PolicyKind.TRUST), tags(f), f.strings("attachedPolicies"),
                inlinePolicies(path, parsed, f, PolicyKind.ROLE_INLINE), f.optionalText("permissionsBoundary"));
    }

    static ManagedPolicy decodePolicy(String path, String text, String fileName, String idPrefix)
            throws StoreDocumentException {
        Parsed parsed = parse(path, text);
        JsonFields f = new JsonFields(path, parsed.tree(), "", Set.of("policyName", "policyId", "path", "description",
                "createDate", "updateDate", "defaultVersionId", "tags", "versions", "document"));
        String name = f.constrained("policyName", Constraint.POLICY_NAME);
        if (fileName != null) {
            sameName(f, "policyName", name, fileName);
        }
        List<ManagedPolicy.PolicyVersion> versions = new ArrayList<>();
        List<JsonNode> nodes = f.objects("versions");
        for (int i = 0; i < nodes.size(); i++) {
            JsonFields v = new JsonFields(path, nodes.get(i), "/versions/" + i, Set.of("versionId", "createDate", "document"));
            versions.add(new ManagedPolicy.PolicyVersion(v.constrained("versionId", Constraint.VERSION_ID),
                    v.date("createDate"), policy(path, parsed, "/versions/" + i + "/document", PolicyKind.MANAGED)));
        }
        String defaultVersion = f.constrained("defaultVersionId", Constraint.VERSION_ID);
        Instant created = f.date("createDate");
        if (versions.isEmpty() && f.node("document") != null) {
            versions.add(new ManagedPolicy.PolicyVersion(defaultVersion, created,
                    policy(path, parsed, "/document", PolicyKind.MANAGED)));
        }
        if (versions.stream().noneMatch(v -> v.versionId().equals(defaultVersion))) {
            throw f.error("/defaultVersionId", "no version \"" + defaultVersion + "\" among \"versions\"");
        }
        String id = idPrefix == null ? null : f.id("policyId", idPrefix);
        return new ManagedPolicy(name, f.constrained("path", Constraint.PATH), id, created, f.date("updateDate"),
                f.optionalText("description"), defaultVersion, versions, tags(f));
    }

    static Organization decodeOrganization(String path, String text) throws StoreDocumentException {
        Parsed parsed = parse(path, text);
        JsonFields f = new JsonFields(path, parsed.tree(), "", Set.of("organizationId", "managementAccountId", "units",
                "accounts", "policies"));
        List<Organization.Unit> units = new ArrayList<>();
        List<JsonNode> unitNodes = f.objects("units");
        for (int i = 0; i < unitNodes.size(); i++) {
            JsonFields u = new JsonFields(path, unitNodes.get(i), "/units/" + i, Set.of("id", "name", "parentId"));
            units.add(new Organization.Unit(u.text("id"), u.text("name"), u.optionalText("parentId")));
        }
        Map<String, String> accounts = new LinkedHashMap<>();
        JsonNode accountNodes = f.node("accounts");
        if (accountNodes != null && accountNodes.isObject()) {
            for (var it = accountNodes.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isTextual()) {
                    throw f.error("/accounts/" + e.getKey(), "must name the root or OU the account sits in");
                }
                accounts.put(e.getKey(), e.getValue().textValue());
            }
        }
        List<Organization.ControlPolicy> policies = new ArrayList<>();
        List<JsonNode> policyNodes = f.objects("policies");
        for (int i = 0; i < policyNodes.size(); i++) {
            JsonFields p = new JsonFields(path, policyNodes.get(i), "/policies/" + i,
                    Set.of("id", "name", "type", "targets", "document"));
            String type = p.text("type");
            if (!type.equals("SERVICE_CONTROL_POLICY") && !type.equals("RESOURCE_CONTROL_POLICY")) {
                throw p.error(p.pointer("type"), "\"type\" must be SERVICE_CONTROL_POLICY or RESOURCE_CONTROL_POLICY");
            }
            boolean rcp = type.equals("RESOURCE_CONTROL_POLICY");
            policies.add(new Organization.ControlPolicy(p.text("id"), p.text("name"), rcp,
                    policy(path, parsed, "/policies/" + i + "/document",
                            rcp ? PolicyKind.RESOURCE_CONTROL : PolicyKind.SERVICE_CONTROL),
                    p.strings("targets")));
        }
        return new Organization(f.text("organizationId"), f.text("managementAccountId"), units, accounts, policies);
    }
}
