package dev.warden.core.sts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.admin.Params;
import dev.warden.core.auth.Caller;
import dev.warden.core.auth.SigningCredential;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.Role;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import dev.warden.spi.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AssumeRoleWithWebIdentity for OpenID Connect ID tokens: no AWS credentials, the token is the proof. It must verify
 * against an OIDC provider of the role's account ({@link WebIdentityTokens}); then the role's trust policy must allow
 * {@code sts:AssumeRoleWithWebIdentity} to the principal {@code {"Federated": PROVIDER_ARN}}, with AWS's keys
 * {@code HOST/PATH:aud}, {@code HOST/PATH:sub}, {@code HOST/PATH:amr} and {@code aws:FederatedProvider}. The session is
 * an ordinary role session ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}), narrowed by the request's
 * session policies, lasting 900 seconds to the role's maximum, as for AssumeRole; its requests carry
 * {@code aws:FederatedProvider}. Session tags and a source identity come from the token's AWS claims
 * ({@link WebIdentitySessionClaims}) and need {@code sts:TagSession} and {@code sts:SetSourceIdentity} in the trust
 * policy.
 *
 * <p>{@code ProviderId} names OAuth 2.0 providers (Login with Amazon, Facebook), which Warden does not serve; it is
 * ignored, as AWS ignores it for OpenID Connect tokens.
 */
final class WebIdentitySessions {

    /** AWS's clientTokenType: 4 to 20,000 characters. */
    private static final int MIN_TOKEN = 4;
    private static final int MAX_TOKEN = 20_000;
    static final String ACTION = "sts:AssumeRoleWithWebIdentity";
    /** AWS's message, whatever the reason (a trust policy that says no, a role that does not exist). */
    static final String NOT_AUTHORIZED = "Not authorized to perform sts:AssumeRoleWithWebIdentity";

    private final StsService sts;

    WebIdentitySessions(StsService sts) {
        this.sts = sts;
    }

    ObjectNode assume(Params p) throws IamException {
        String roleArn = p.required("RoleArn", Constraint.ARN);
        String sessionName = p.required("RoleSessionName", Constraint.ROLE_SESSION_NAME);
        String token = token(p);
        int duration = p.integer("DurationSeconds", 900, 43_200, 3_600);
        List<String> policyArns = RoleSessions.policyArns(p);
        String inlinePolicy = p.optional("Policy");

        Directory directory = sts.warden().directory().current();
        String[] arn = roleArn.split(":", 6);
        WebIdentity identity = WebIdentityTokens.verify(token, arn.length == 6 ? directory.account(arn[4]) : null,
                directory.partition(), sts.warden().clock().instant());

        WebIdentitySessionClaims asked = identity.session();
        Map<String, ContextValue> keys = keys(identity, sessionName);
        require(identity, ACTION, roleArn, keys);
        if (!asked.tags().isEmpty()) {
            require(identity, "sts:TagSession", roleArn, keys);
        }
        if (asked.sourceIdentity() != null) {
            require(identity, "sts:SetSourceIdentity", roleArn, keys);
        }
        Role role = WorkloadSessions.role(directory, roleArn);
        if (role == null) {
            throw new IamException(IamError.ACCESS_DENIED, NOT_AUTHORIZED);
        }
        RoleSessions.checkDuration(duration, role);
        List<String> sessionPolicies = RoleSessions.sessionPolicies(directory, inlinePolicy, policyArns);
        int packed = RoleSessions.packedSize(sessionPolicies, asked.tags());
        String sessionArn = RoleSessions.sessionArn(directory, roleArn, role, sessionName);
        String assumedRoleId = role.id() + ":" + sessionName;
        Instant now = sts.now();
        SessionClaims claims = new SessionClaims(SessionClaims.Type.ROLE_SESSION, sessionArn, assumedRoleId,
                SigningCredential.newSecretAccessKey(), now, now.plusSeconds(duration), null, sessionPolicies,
                asked.tags(), asked.transitiveTagKeys(), asked.sourceIdentity(), false, identity.providerArn());

        // AWS's order of AssumeRoleWithWebIdentityResult
        ObjectNode result = StsService.JSON.objectNode();
        result.set("Credentials", sts.credentials(claims));
        result.put("SubjectFromWebIdentityToken", identity.subject());
        result.putObject("AssumedRoleUser").put("AssumedRoleId", assumedRoleId).put("Arn", sessionArn);
        if (!sessionPolicies.isEmpty() || !asked.tags().isEmpty()) {
            result.put("PackedPolicySize", packed);
        }
        result.put("Provider", identity.providerArn());
        result.put("Audience", identity.audience());
        if (asked.sourceIdentity() != null) {
            result.put("SourceIdentity", asked.sourceIdentity());
        }
        return result;
    }

    /** The trust policy must allow the provider's user {@code action} on the role; AWS says no without detail. */
    private void require(WebIdentity identity, String action, String roleArn, Map<String, ContextValue> keys)
            throws IamException {
        Decision decision = sts.authorize(Caller.of(Principal.of(identity.providerArn())), action, roleArn, keys);
        if (!decision.isAllowed()) {
            throw new IamException(IamError.ACCESS_DENIED, "Not authorized to perform " + action);
        }
    }

    /**
     * The {@code WebIdentityToken} parameter. A bearer credential: checked against AWS's length limits without ever
     * quoting it.
     */
    private static String token(Params p) throws IamException {
        String token = p.required("WebIdentityToken");
        if (token.length() < MIN_TOKEN || token.length() > MAX_TOKEN) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value at 'webIdentityToken' "
                    + "failed to satisfy constraint: Member must have length "
                    + (token.length() < MIN_TOKEN ? "greater than or equal to " + MIN_TOKEN
                    : "less than or equal to " + MAX_TOKEN));
        }
        return token;
    }

    /** The condition keys of the trust policy's evaluation: AWS's keys for OIDC federation. */
    private static Map<String, ContextValue> keys(WebIdentity identity, String sessionName) {
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        keys.put("sts:RoleSessionName", ContextValue.of(sessionName));
        keys.put("aws:FederatedProvider", ContextValue.of(identity.providerArn()));
        keys.put(identity.providerUrl() + ":aud", ContextValue.of(identity.audience()));
        keys.put(identity.providerUrl() + ":sub", ContextValue.of(identity.subject()));
        if (!identity.amr().isEmpty()) {
            keys.put(identity.providerUrl() + ":amr", ContextValue.ofSet(identity.amr()));
        }
        WebIdentitySessionClaims asked = identity.session();
        if (!asked.tags().isEmpty()) {
            asked.tags().forEach((k, v) -> keys.put("aws:RequestTag/" + k, ContextValue.of(v)));
            keys.put("aws:TagKeys", ContextValue.ofSet(List.copyOf(asked.tags().keySet())));
        }
        if (!asked.transitiveTagKeys().isEmpty()) {
            keys.put("sts:TransitiveTagKeys", ContextValue.ofSet(asked.transitiveTagKeys()));
        }
        if (asked.sourceIdentity() != null) {
            keys.put("sts:SourceIdentity", ContextValue.of(asked.sourceIdentity()));
        }
        return keys;
    }
}
