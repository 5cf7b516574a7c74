package dev.warden.core.sts;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an ID token asks of its session, in AWS's claims: session tags
 * ({@code "https://aws.amazon.com/tags": {"principal_tags": {"Team": ["blue"]}, "transitive_tag_keys": ["Team"]}})
 * and a source identity ({@code "https://aws.amazon.com/source_identity": "alice"}). The token's issuer vouches for
 * them; the role's trust policy must still allow {@code sts:TagSession} and {@code sts:SetSourceIdentity}.
 *
 * @param tags session tags by key, at most 50, one value each
 * @param transitiveTagKeys the tag keys that pass on to chained role sessions, each one of {@code tags}
 * @param sourceIdentity {@code sts:SourceIdentity}, or {@code null}
 */
record WebIdentitySessionClaims(Map<String, String> tags, List<String> transitiveTagKeys, String sourceIdentity) {

    static final String TAGS = "https://aws.amazon.com/tags";
    static final String SOURCE_IDENTITY = "https://aws.amazon.com/source_identity";
    private static final int MAX_TAGS = 50;
    static final WebIdentitySessionClaims NONE = new WebIdentitySessionClaims(Map.of(), List.of(), null);

    WebIdentitySessionClaims {
        tags = Map.copyOf(tags);
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
    }

    /**
     * The session claims of {@code claims}, checked as AssumeRole checks its parameters.
     *
     * @throws IamException {@code InvalidIdentityToken} for claims of the wrong shape or against AWS's rules
     */
    static WebIdentitySessionClaims of(JWTClaimsSet claims) throws IamException {
        Map<String, Object> tagClaim;
        String sourceIdentity;
        try {
            tagClaim = claims.getJSONObjectClaim(TAGS);
            sourceIdentity = claims.getStringClaim(SOURCE_IDENTITY);
        } catch (ParseException e) {
            throw invalid("The " + TAGS + " claim must be an object and " + SOURCE_IDENTITY + " a string");
        }
        if (sourceIdentity != null) {
            sourceIdentity = checked(Constraint.SOURCE_IDENTITY, sourceIdentity, "source identity");
        }
        if (tagClaim == null) {
            return sourceIdentity == null ? NONE : new WebIdentitySessionClaims(Map.of(), List.of(), sourceIdentity);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (!(tagClaim.getOrDefault("principal_tags", Map.of()) instanceof Map<?, ?> principalTags)) {
            throw invalid("principal_tags in the " + TAGS + " claim must be an object of tag keys to [value]");
        }
        for (Map.Entry<?, ?> tag : principalTags.entrySet()) {
            String key = checked(Constraint.TAG_KEY, String.valueOf(tag.getKey()), "session tag key");
            if (!(tag.getValue() instanceof List<?> values) || values.size() != 1 || !(values.get(0) instanceof String)) {
                throw invalid("Session tag " + key + " must have exactly one string value, as [\"value\"]");
            }
            if (tags.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key))) {
                throw invalid("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            tags.put(key, checked(Constraint.TAG_VALUE, (String) values.get(0), "session tag value"));
        }
        if (tags.size() > MAX_TAGS) {
            throw invalid("A session has at most " + MAX_TAGS + " tags, the token asks for " + tags.size());
        }
        List<String> transitive = new ArrayList<>();
        Object keys = tagClaim.getOrDefault("transitive_tag_keys", List.of());
        if (!(keys instanceof List<?> list) || list.stream().anyMatch(k -> !(k instanceof String))) {
            throw invalid("transitive_tag_keys in the " + TAGS + " claim must be a list of tag keys");
        }
        for (Object key : list) {
            String lower = ((String) key).toLowerCase(Locale.ROOT);
            if (tags.keySet().stream().noneMatch(k -> k.toLowerCase(Locale.ROOT).equals(lower))) {
                throw invalid("The transitive tag key " + key + " is not one of the session tags.");
            }
            transitive.add((String) key);
        }
        return new WebIdentitySessionClaims(tags, transitive, sourceIdentity);
    }

    boolean isEmpty() {
        return tags.isEmpty() && sourceIdentity == null;
    }

    private static String checked(Constraint constraint, String value, String what) throws IamException {
        try {
            return constraint.check(value);
        } catch (IamException e) {
            throw invalid("The token's " + what + " is not valid: " + e.getMessage());
        }
    }

    private static IamException invalid(String message) {
        return new IamException(IamError.INVALID_IDENTITY_TOKEN, message);
    }
}
