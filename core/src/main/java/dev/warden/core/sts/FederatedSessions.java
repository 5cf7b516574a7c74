package dev.warden.core.sts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.admin.Params;
import dev.warden.core.auth.Caller;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.Tag;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * GetFederationToken: an IAM user's long-term credentials (or the root user's, which AWS allows and discourages) get a
 * federated-user session, {@code arn:aws:sts::ACCOUNT:federated-user/NAME}, for 900 seconds to 36 hours (one hour for
 * the root user). The session's permissions are its user's, narrowed by the session policies passed with the call;
 * without one it has none, except what a resource-based policy grants to the session itself. The caller needs
 * {@code sts:GetFederationToken} (and {@code sts:TagSession} to pass session tags) on the session's ARN.
 */
final class FederatedSessions {

    /** AWS's {@code Name}: 2 to 32 characters of {@code [\w+=,.@-]}. */
    private static final Constraint NAME = new Constraint("name", 2, 32, Pattern.compile("[\\w+=,.@-]*"));
    private static final int MIN_SECONDS = 900;
    private static final int MAX_SECONDS = 129_600;
    private static final int DEFAULT_SECONDS = 43_200;
    private static final int ROOT_MAX_SECONDS = 3_600;

    private final StsService sts;

    FederatedSessions(StsService sts) {
        this.sts = sts;
    }

    ObjectNode getFederationToken(Caller caller, Params p) throws IamException {
        String name = p.required("Name", NAME);
        int duration = p.integer("DurationSeconds", MIN_SECONDS, MAX_SECONDS, DEFAULT_SECONDS);
        List<Tag> tags = p.tags("Tags");
        List<String> policyArns = RoleSessions.policyArns(p);
        String inlinePolicy = p.optional("Policy");
        Principal principal = StsService.longTermCaller(caller, "GetFederationToken");
        boolean root = principal.kind() == Principal.Kind.ROOT;
        if (root) {
            // AWS: "If the specified duration is longer than one hour, the session obtained by using root user
            // credentials defaults to one hour."
            duration = Math.min(duration, ROOT_MAX_SECONDS);
        }
        Directory directory = sts.warden().directory().current();
        String sessionArn = "arn:" + directory.partition() + ":sts::" + principal.accountId() + ":federated-user/"
                + name;
        Map<String, String> sessionTags = RoleSessions.sessionTags(null, tags, List.of());
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        if (!tags.isEmpty()) {
            tags.forEach(t -> keys.put("aws:RequestTag/" + t.key(), ContextValue.of(t.value())));
            keys.put("aws:TagKeys", ContextValue.ofSet(tags.stream().map(Tag::key).toList()));
        }
        sts.require(caller, "sts:GetFederationToken", sessionArn, keys);
        if (!tags.isEmpty()) {
            sts.require(caller, "sts:TagSession", sessionArn, keys);
        }
        List<String> sessionPolicies = RoleSessions.sessionPolicies(directory, inlinePolicy, policyArns);
        int packed = RoleSessions.packedSize(sessionPolicies, sessionTags);
        SessionClaims.Issuer issuer = new SessionClaims.Issuer(principal.arn(), issuerId(caller));
        String federatedUserId = principal.accountId() + ":" + name;
        Instant now = sts.now();
        SessionClaims claims = new SessionClaims(SessionClaims.Type.FEDERATED_USER, sessionArn, federatedUserId,
                dev.warden.core.auth.SigningCredential.newSecretAccessKey(), now, now.plusSeconds(duration), null,
                sessionPolicies, sessionTags, null, null, false, null, issuer);
        ObjectNode result = StsService.JSON.objectNode();
        result.set("Credentials", sts.credentials(claims));
        result.putObject("FederatedUser").put("FederatedUserId", federatedUserId).put("Arn", sessionArn);
        if (!sessionPolicies.isEmpty() || !sessionTags.isEmpty()) {
            result.put("PackedPolicySize", packed);
        }
        return result;
    }

    /** The unique id of the caller: a user's {@code AIDA...} id; the account's id stands for its root user. */
    private static String issuerId(Caller caller) throws IamException {
        Principal principal = caller.principal();
        if (principal.kind() == Principal.Kind.ROOT) {
            return principal.accountId();
        }
        ContextValue userId = caller.keys().get("aws:userid");
        String id = principal.uniqueId() != null ? principal.uniqueId()
                : userId == null ? null : userId.values().get(0);
        if (id == null) {
            // a user the directory does not hold signs nothing; refuse rather than issue an unbound session
            throw new IamException(IamError.ACCESS_DENIED, "Cannot call GetFederationToken as " + principal.arn());
        }
        return id;
    }
}
