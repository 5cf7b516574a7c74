package dev.warden.core.sts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a session token says about its session: who it belongs to, when it was issued and expires, whether MFA was
 * presented, and what narrows it (session policies, session tags). Sealed into the token, so nothing here is stored on
 * the server.
 *
 * @param type how the session was made
 * @param principalArn the session's principal: the user's ARN for GetSessionToken, the assumed-role ARN
 *     ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}) for AssumeRole
 * @param userId {@code aws:userid}: the user's unique id, or {@code ROLEID:SESSION}
 * @param secretAccessKey the secret of the session's {@code ASIA} key; never shown by {@link #toString()}
 * @param mfaAuthenticated when the MFA code was checked, or {@code null} without MFA
 * @param sessionPolicies the texts of the session policies (inline and managed, resolved when the session was made)
 * @param tags session tags, by key
 * @param transitiveTagKeys the tag keys that pass on to chained role sessions
 * @param sourceIdentity {@code sts:SourceIdentity}, or {@code null}
 * @param chained whether the session came from another role session (role chaining: at most 1 hour)
 * @param federatedProvider {@code aws:FederatedProvider}: the ARN of the OpenID Connect provider whose token made the
 *     session (AssumeRoleWithWebIdentity), or {@code null}
 */
public record SessionClaims(Type type, String principalArn, String userId, String secretAccessKey, Instant issued,
                            Instant expires, Instant mfaAuthenticated, List<String> sessionPolicies,
                            Map<String, String> tags, List<String> transitiveTagKeys, String sourceIdentity,
                            boolean chained, String federatedProvider) {

    /** How a session was made. */
    public enum Type {
        /** GetSessionToken: the user's own permissions, typically with MFA. */
        SESSION_TOKEN,
        /** Warden.signIn: a user's console session, password (and MFA) checked. */
        CONSOLE,
        /** AssumeRole or AssumeRoleWithWebIdentity: the role's permissions, narrowed by session policies. */
        ROLE_SESSION
    }

    public SessionClaims {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(expires, "expires");
        sessionPolicies = sessionPolicies == null ? List.of() : List.copyOf(sessionPolicies);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        transitiveTagKeys = transitiveTagKeys == null ? List.of() : List.copyOf(transitiveTagKeys);
    }

    /** A session that no identity provider vouched for. */
    public SessionClaims(Type type, String principalArn, String userId, String secretAccessKey, Instant issued,
                         Instant expires, Instant mfaAuthenticated, List<String> sessionPolicies,
                         Map<String, String> tags, List<String> transitiveTagKeys, String sourceIdentity,
                         boolean chained) {
        this(type, principalArn, userId, secretAccessKey, issued, expires, mfaAuthenticated, sessionPolicies, tags,
                transitiveTagKeys, sourceIdentity, chained, null);
    }

    @Override
    public String toString() {
        return "SessionClaims[" + type + " " + principalArn + " issued " + issued + " expires " + expires
                + (mfaAuthenticated == null ? "" : " mfa " + mfaAuthenticated) + "]";
    }
}
