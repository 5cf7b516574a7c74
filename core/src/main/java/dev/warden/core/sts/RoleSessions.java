package dev.warden.core.sts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.admin.Params;
import dev.warden.core.auth.Caller;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.ManagedPolicy;
import dev.warden.core.iam.PolicyDocument;
import dev.warden.core.iam.Role;
import dev.warden.core.iam.Tag;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AssumeRole: the role's trust policy (and, across accounts, the caller's own policies) must allow
 * {@code sts:AssumeRole}; session tags need {@code sts:TagSession}, a source identity {@code sts:SetSourceIdentity};
 * the session lasts from 900 seconds to the role's maximum, at most one hour when a role session assumes another
 * role; session policies (inline and managed) narrow it.
 */
final class RoleSessions {

    /** AWS's limit on the plain text of inline and managed session policies together. */
    private static final int SESSION_POLICY_CHARACTERS = 2_048;
    private static final int MAX_SESSION_TAGS = 50;
    private static final int MAX_POLICY_ARNS = 10;

    private final StsService sts;

    RoleSessions(StsService sts) {
        this.sts = sts;
    }

    ObjectNode assumeRole(Caller caller, SessionClaims callerSession, Params p) throws IamException {
        String roleArn = p.required("RoleArn", Constraint.ARN);
        String sessionName = p.required("RoleSessionName", Constraint.ROLE_SESSION_NAME);
        String externalId = p.optional("ExternalId", Constraint.EXTERNAL_ID, null);
        String sourceIdentity = p.optional("SourceIdentity", Constraint.SOURCE_IDENTITY, null);
        int duration = p.integer("DurationSeconds", 900, 43_200, 3_600);
        List<Tag> tags = p.tags("Tags");
        List<String> transitive = p.list("TransitiveTagKeys");
        List<String> policyArns = policyArns(p);
        String inlinePolicy = p.optional("Policy");

        Principal principal = caller.principal();
        if (principal.kind() == Principal.Kind.ROOT) {
            throw new IamException(IamError.ACCESS_DENIED, "Roles may not be assumed by root accounts.");
        }
        boolean chained = caller.via() == Caller.Via.ROLE_SESSION;
        if (chained && duration > sts.chainedMaximum().getSeconds()) {
            throw new IamException(IamError.VALIDATION_ERROR,
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        Map<String, String> sessionTags = sessionTags(callerSession, tags, transitive);
        List<String> transitiveKeys = new ArrayList<>(transitive);
        if (callerSession != null) {
            callerSession.transitiveTagKeys().stream().filter(k -> !containsIgnoreCase(transitiveKeys, k))
                    .forEach(transitiveKeys::add);
        }
        if (callerSession != null && callerSession.sourceIdentity() != null) {
            if (sourceIdentity != null && !sourceIdentity.equals(callerSession.sourceIdentity())) {
                throw new IamException(IamError.INVALID_INPUT,
                        "The source identity of a role session cannot be changed by role chaining.");
            }
            sourceIdentity = callerSession.sourceIdentity();
        }
        Instant mfaAt = sts.mfaIfPresented(caller, p);
        if (mfaAt == null) {
            mfaAt = caller.mfaAuthenticated();
        }

        Map<String, ContextValue> keys = new LinkedHashMap<>();
        keys.put("sts:RoleSessionName", ContextValue.of(sessionName));
        if (externalId != null) {
            keys.put("sts:ExternalId", ContextValue.of(externalId));
        }
        if (sourceIdentity != null) {
            keys.put("sts:SourceIdentity", ContextValue.of(sourceIdentity));
        }
        if (!tags.isEmpty()) {
            tags.forEach(t -> keys.put("aws:RequestTag/" + t.key(), ContextValue.of(t.value())));
            keys.put("aws:TagKeys", ContextValue.ofSet(tags.stream().map(Tag::key).toList()));
        }
        if (!transitive.isEmpty()) {
            keys.put("sts:TransitiveTagKeys", ContextValue.ofSet(transitive));
        }
        if (mfaAt != null) {
            keys.put("aws:MultiFactorAuthPresent", ContextValue.of("true"));
            keys.put("aws:MultiFactorAuthAge",
                    ContextValue.of(Long.toString(Math.max(0, sts.now().getEpochSecond() - mfaAt.getEpochSecond()))));
        }
        sts.require(caller, "sts:AssumeRole", roleArn, keys);
        if (!tags.isEmpty()) {
            sts.require(caller, "sts:TagSession", roleArn, keys);
        }
        if (p.optional("SourceIdentity") != null) {
            sts.require(caller, "sts:SetSourceIdentity", roleArn, keys);
        }

        Directory directory = sts.warden().directory().current();
        Role role = WorkloadSessions.role(directory, roleArn);
        if (role == null) {
            // the trust policy allowed it, so the role existed a moment ago: say no as AWS does, without detail
            throw new IamException(IamError.ACCESS_DENIED, "User: " + principal.arn()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        checkDuration(duration, role);
        List<String> sessionPolicies = sessionPolicies(directory, inlinePolicy, policyArns);
        int packed = packedSize(sessionPolicies, sessionTags);
        String sessionArn = sessionArn(directory, roleArn, role, sessionName);
        String assumedRoleId = role.id() + ":" + sessionName;
        Instant now = sts.now();
        SessionClaims claims = new SessionClaims(SessionClaims.Type.ROLE_SESSION, sessionArn, assumedRoleId,
                dev.warden.core.auth.SigningCredential.newSecretAccessKey(), now, now.plusSeconds(duration), mfaAt,
                sessionPolicies, sessionTags, transitiveKeys, sourceIdentity, chained);
        ObjectNode result = StsService.JSON.objectNode();
        result.set("Credentials", sts.credentials(claims));
        result.putObject("AssumedRoleUser").put("AssumedRoleId", assumedRoleId).put("Arn", sessionArn);
        if (!sessionPolicies.isEmpty() || !sessionTags.isEmpty()) {
            result.put("PackedPolicySize", packed);
        }
        if (sourceIdentity != null) {
            result.put("SourceIdentity", sourceIdentity);
        }
        return result;
    }


    /** The {@code PolicyArns.member.N.arn} parameters: managed session policies, at most 10. */
    static List<String> policyArns(Params p) throws IamException {
        List<String> arns = new ArrayList<>();
        for (int i = 1; p.optional("PolicyArns.member." + i + ".arn") != null; i++) {
            arns.add(Constraint.ARN.check(p.optional("PolicyArns.member." + i + ".arn")));
        }
        if (arns.size() > MAX_POLICY_ARNS) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value at 'policyArns' "
                    + "failed to satisfy constraint: Member must have length less than or equal to " + MAX_POLICY_ARNS);
        }
        return arns;
    }

    /**
     * The session lasts at most the role's maximum.
     *
     * @throws IamException {@code ValidationError} with AWS's message
     */
    static void checkDuration(int duration, Role role) throws IamException {
        if (duration > role.maxSessionDuration()) {
            throw new IamException(IamError.VALIDATION_ERROR,
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
    }

    /** {@code arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION} for a session of {@code role}. */
    static String sessionArn(Directory directory, String roleArn, Role role, String sessionName) {
        return "arn:" + directory.partition() + ":sts::" + roleArn.split(":", 6)[4] + ":assumed-role/" + role.name()
                + "/" + sessionName;
    }

    /**
     * AWS's {@code PackedPolicySize} of the session's policies and tags, in percent.
     *
     * @throws IamException {@code PackedPolicyTooLarge} above 100 percent
     */
    static int packedSize(List<String> policies, Map<String, String> tags) throws IamException {
        int packed = packedPercent(policies, tags);
        if (packed > 100) {
            throw new IamException(IamError.PACKED_POLICY_TOO_LARGE, "Packed policy consumes " + packed
                    + "% of allotted space, please use smaller policy.");
        }
        return packed;
    }

    /** The texts of the session policies: the inline one checked as a session policy, managed ones by their ARN. */
    static List<String> sessionPolicies(Directory directory, String inline, List<String> arns)
            throws IamException {
        List<String> texts = new ArrayList<>();
        int characters = 0;
        if (inline != null) {
            try {
                PolicyDocument.parse(inline, PolicyKind.SESSION);
            } catch (MalformedPolicyException e) {
                throw new IamException(IamError.MALFORMED_POLICY_DOCUMENT, e.getMessage());
            }
            texts.add(inline);
            characters += inline.length();
        }
        for (String arn : arns) {
            ManagedPolicy policy = directory.managedPolicy(arn);
            if (policy == null) {
                throw new IamException(IamError.INVALID_INPUT, "Policy " + arn + " does not exist or is not attachable.");
            }
            String text = policy.defaultVersion().document().text();
            texts.add(text);
            characters += text.length();
        }
        if (characters > SESSION_POLICY_CHARACTERS) {
            throw new IamException(IamError.PACKED_POLICY_TOO_LARGE, "Session policies exceed the maximum of "
                    + SESSION_POLICY_CHARACTERS + " characters (" + characters + ").");
        }
        return texts;
    }

    /**
     * The session's tags: the caller's transitive tags (which this request cannot override, as AWS rules) and the
     * request's own.
     *
     * @param callerSession the caller's own session, or {@code null}
     */
    static Map<String, String> sessionTags(SessionClaims callerSession, List<Tag> tags, List<String> transitive)
            throws IamException {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> lowerCased = new LinkedHashMap<>();
        if (callerSession != null) {
            for (String key : callerSession.transitiveTagKeys()) {
                callerSession.tags().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).findFirst()
                        .ifPresent(e -> {
                            out.put(e.getKey(), e.getValue());
                            lowerCased.put(e.getKey().toLowerCase(Locale.ROOT), e.getKey());
                        });
            }
        }
        for (Tag tag : tags) {
            String lower = tag.key().toLowerCase(Locale.ROOT);
            if (lowerCased.containsKey(lower)) {
                throw new IamException(IamError.INVALID_INPUT, "One or more session tags are already set as "
                        + "transitive by a previous session and cannot be overridden: " + tag.key());
            }
            if (out.put(tag.key(), tag.value()) != null) {
                throw new IamException(IamError.INVALID_INPUT, "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            lowerCased.put(lower, tag.key());
        }
        if (out.size() > MAX_SESSION_TAGS) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value at 'tags' failed "
                    + "to satisfy constraint: Member must have length less than or equal to " + MAX_SESSION_TAGS);
        }
        for (String key : transitive) {
            if (!containsIgnoreCase(new ArrayList<>(out.keySet()), key)) {
                throw new IamException(IamError.INVALID_INPUT,
                        "The transitive tag key " + key + " is not one of the session tags.");
            }
        }
        return out;
    }

    /** How full the packed session policies and tags are, in percent, as AWS reports PackedPolicySize. */
    private static int packedPercent(List<String> policies, Map<String, String> tags) {
        int policyCharacters = policies.stream().mapToInt(t -> t.replaceAll("\\s", "").length()).sum();
        int tagCharacters = tags.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        double percent = 100.0 * policyCharacters / SESSION_POLICY_CHARACTERS + 100.0 * tagCharacters / 4_096;
        return (int) Math.ceil(percent);
    }

    private static boolean containsIgnoreCase(List<String> list, String key) {
        return list.stream().anyMatch(k -> k.equalsIgnoreCase(key));
    }
}
