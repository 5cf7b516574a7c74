package dev.warden.core.iam;

import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Entities of every kind, with every field set, and the helpers the directory tests share. */
final class Samples {

    static final String ACCOUNT = "111122223333";
    static final String MEMBER = "444455556666";
    static final String MANAGEMENT = "999988887777";
    static final Instant CREATED = Instant.parse("2026-11-01T09:30:00Z");
    static final Instant UPDATED = Instant.parse("2026-11-20T17:45:12.5Z");

    static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";
    static final String READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"*\"}]}";
    static final String DENY_DELETE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]}";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String RCP = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":{\"aws:SecureTransport\":\"false\"}}}]}";

    private Samples() {
    }

    static PolicyDocument doc(String text, PolicyKind kind) {
        try {
            return PolicyDocument.parse(text, kind);
        } catch (MalformedPolicyException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Account account() {
        return Account.create(ACCOUNT, "example", CREATED);
    }

    static User user(String name, String path) {
        Map<String, PolicyDocument> inline = new LinkedHashMap<>();
        inline.put("zeta", doc(READ, PolicyKind.USER_INLINE));
        inline.put("alpha", doc(DENY_DELETE, PolicyKind.USER_INLINE));
        return new User(name, path, "AIDAEXAMPLEUSER00001", CREATED,
                List.of(new Tag("team", "web"), new Tag("cost-center", "")), List.of("devs"),
                List.of("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"), inline,
                "arn:aws:iam::111122223333:policy/Boundary",
                List.of(new AccessKey("AKIAEXAMPLEKEY000001", true, CREATED, "v1:c2VhbGVk", null),
                        new AccessKey("AKIAEXAMPLEKEY000002", false, UPDATED, "v1:b3RoZXI=",
                                new AccessKey.LastUsed(UPDATED, "s3", "eu-west-1"))));
    }

    static Group group(String name) {
        return new Group(name, "/teams/", "AGPAEXAMPLEGROUP0001", CREATED,
                List.of("arn:aws:iam::111122223333:policy/Boundary"), Map.of("shared", doc(READ, PolicyKind.GROUP_INLINE)));
    }

    static Role role(String name) {
        return new Role(name, "/svc/", "AROAEXAMPLEROLE00001", CREATED, "runs the app", 7200, doc(TRUST, PolicyKind.TRUST),
                List.of(new Tag("env", "prod")), List.of("arn:aws:iam::aws:policy/AdministratorAccess"),
                Map.of("work", doc(READ, PolicyKind.ROLE_INLINE)), "arn:aws:iam::111122223333:policy/Boundary");
    }

    static ManagedPolicy policy(String name, String... documents) {
        List<ManagedPolicy.PolicyVersion> versions = new java.util.ArrayList<>();
        for (int i = 0; i < documents.length; i++) {
            versions.add(new ManagedPolicy.PolicyVersion("v" + (i + 1), CREATED.plusSeconds(i), doc(documents[i],
                    PolicyKind.MANAGED)));
        }
        return new ManagedPolicy(name, "/", "ANPAEXAMPLEPOLICY001", CREATED, UPDATED, "a policy",
                "v" + documents.length, versions, List.of(new Tag("owner", "sec")));
    }

    /** Root r-root, OU ou-eng under it, MEMBER in ou-eng, MANAGEMENT at the root; SCPs as given per node. */
    static Organization organization(Map<String, List<String>> scpsByNode) {
        List<Organization.ControlPolicy> policies = new java.util.ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<String>> e : scpsByNode.entrySet()) {
            for (String text : e.getValue()) {
                policies.add(new Organization.ControlPolicy("p-" + (++n), "scp" + n, false,
                        doc(text, PolicyKind.SERVICE_CONTROL), List.of(e.getKey())));
            }
        }
        policies.add(new Organization.ControlPolicy("p-rcp", "secure-transport", true, doc(RCP, PolicyKind.RESOURCE_CONTROL),
                List.of("r-root")));
        return new Organization("o-example", MANAGEMENT, List.of(new Organization.Unit("r-root", "Root", null),
                new Organization.Unit("ou-eng", "Engineering", "r-root")),
                Map.of(MEMBER, "ou-eng", MANAGEMENT, "r-root"), policies);
    }

    /** The documents {@code changes} writes, as a store would hold them. */
    static Map<String, String> documents(Changes changes) {
        Map<String, String> out = new LinkedHashMap<>();
        changes.documents().forEach((path, text) -> out.put(path, text.orElseThrow()));
        return out;
    }

    /** {@code path} replaced by {@code text} (or deleted, for {@code null}). */
    static Map<String, Optional<String>> change(String path, String text) {
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        out.put(path, Optional.ofNullable(text));
        return out;
    }

    static Directory load(Map<String, String> documents) {
        return Directory.load(documents, "aws", ManagedPolicyCatalog.load(Samples.class.getClassLoader()));
    }
}
