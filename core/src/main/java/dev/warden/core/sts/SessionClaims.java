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
 * @param issuer the IAM user who created a federated-user session (GetFederationToken); {@code null} for the other
 *     types, whose user or role {@link #issuerUniqueId()} reads off {@code userId}
 */
public record SessionClaims(Type type, String principalArn, String userId, String secretAccessKey, Instant issued,
                            Instant expires, Instant mfaAuthenticated, List<String> sessionPolicies,
                            Map<String, String> tags, List<String> transitiveTagKeys, String sourceIdentity,
                            boolean chained, String federatedProvider, Issuer issuer) {

    /**
     * The IAM user or role a session belongs to, by ARN and unique id: a session of a user or role that was deleted
     * and created again under the same name is not one of the new one's.
     */
    public record Issuer(String arn, String uniqueId) {
        public Issuer {
            Objects.requireNonNull(arn, "arn");
            Objects.requireNonNull(uniqueId, "uniqueId");
        }
    }

    /** How a session was made. */
    public enum Type {
        /** GetSessionToken: the user's own permissions, typically with MFA. */
        SESSION_TOKEN,
        /** Warden.signIn: a user's console session, password (and MFA) checked. */
        CONSOLE,
        /** AssumeRole or AssumeRoleWithWebIdentity: the role's permissions, narrowed by session policies. */
        ROLE_SESSION,
        /**
         * GetFederationToken: a federated-user session, whose permissions are its user's narrowed by its session
         * policies; none at all without a session policy.
         */
        FEDERATED_USER
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
        if (type == Type.FEDERATED_USER && issuer == null) {
            throw new IllegalArgumentException("a federated-user session needs the user who created it");
        }
    }

    /** A session that an identity provider may have vouched for, of a type that needs no {@link Issuer}. */
    public SessionClaims(Type type, String principalArn, String userId, String secretAccessKey, Instant issued,
                         Instant expires, Instant mfaAuthenticated, List<String> sessionPolicies,
                         Map<String, String> tags, List<String> transitiveTagKeys, String sourceIdentity,
                         boolean chained, String federatedProvider) {
        this(type, principalArn, userId, secretAccessKey, issued, expires, mfaAuthenticated, sessionPolicies, tags,
                transitiveTagKeys, sourceIdentity, chained, federatedProvider, null);
    }

    /** A session that no identity provider vouched for. */
    public SessionClaims(Type type, String principalArn, String userId, String secretAccessKey, Instant issued,
                         Instant expires, Instant mfaAuthenticated, List<String> sessionPolicies,
                         Map<String, String> tags, List<String> transitiveTagKeys, String sourceIdentity,
                         boolean chained) {
        this(type, principalArn, userId, secretAccessKey, issued, expires, mfaAuthenticated, sessionPolicies, tags,
                transitiveTagKeys, sourceIdentity, chained, null);
    }

    /**
     * The unique id of the user or role the session belongs to ({@code AIDA...}, {@code AROA...}), or {@code null}
     * when it has none (the root user's sessions): a role session's {@code userId} is {@code ROLEID:SESSION}, a
     * user's session's is the user's id.
     */
    public String issuerUniqueId() {
        if (issuer != null) {
            return issuer.uniqueId();
        }
        if (userId == null || type == Type.FEDERATED_USER) {
            return null;
        }
        int colon = userId.indexOf(':');
        return type == Type.ROLE_SESSION && colon > 0 ? userId.substring(0, colon) : userId;
    }

    @Override
    public String toString() {
        return "SessionClaims[" + type + " " + principalArn + " issued " + issued + " expires " + expires
                + (mfaAuthenticated == null ? "" : " mfa " + mfaAuthenticated) + "]";
    }
}
