package dev.warden.core.sts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.admin.Params;
import dev.warden.core.auth.Caller;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.IamResource;
import dev.warden.core.iam.UniqueIds;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import dev.warden.spi.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * AWS STS over a Warden directory: GetCallerIdentity, GetSessionToken, GetFederationToken, AssumeRole,
 * AssumeRoleWithWebIdentity, GetAccessKeyInfo, DecodeAuthorizationMessage. Like
 * {@link dev.warden.core.admin.IamService}, an operation takes AWS's Query parameters and answers in AWS's response
 * shape or fails with AWS's error. Thread-safe.
 */
public final class StsService {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Warden warden;
    private final SessionTokens tokens;
    private final MfaCheck mfa;
    private final RoleSessions roleSessions;
    private final FederatedSessions federatedSessions = new FederatedSessions(this);
    private final WebIdentitySessions webIdentity = new WebIdentitySessions(this);
    private final AuthorizationMessages messages;

    public StsService(Warden warden, SessionTokens tokens, MfaCheck mfa, AuthorizationMessages messages) {
        this.warden = Objects.requireNonNull(warden, "warden");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.mfa = Objects.requireNonNull(mfa, "mfa");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.roleSessions = new RoleSessions(this);
    }

    /**
     * Runs STS operation {@code action} for {@code caller}.
     *
     * @throws IamException AWS's error ({@code AccessDenied}, {@code ValidationError}, {@code InvalidAction}, ...)
     */
    public ObjectNode call(Caller caller, String action, Map<String, String> params) throws IamException {
        return call(caller, null, action, params);
    }

    /**
     * Runs STS operation {@code action} for {@code caller}, whose own temporary credentials carry {@code session}
     * ({@code null} for long-term credentials): a role session passes its transitive tags and source identity on
     * to the sessions it makes (role chaining).
     */
    public ObjectNode call(Caller caller, SessionClaims session, String action, Map<String, String> params)
            throws IamException {
        Params p = new Params(params);
        if (action.equals("AssumeRoleWithWebIdentity")) {
            // AWS needs no credentials for it, and ignores any: the web identity token is the proof
            return webIdentity.assume(p);
        }
        if (caller.via() == Caller.Via.SESSION_TOKEN && !action.equals("AssumeRole")
                && !action.equals("GetCallerIdentity")) {
            // AWS: GetSessionToken credentials may call only these two STS operations
            throw new IamException(IamError.ACCESS_DENIED, "Cannot call " + action + " with session credentials");
        }
        if (caller.via() == Caller.Via.FEDERATED_USER && !action.equals("GetCallerIdentity")) {
            // AWS: "You cannot call any STS operations except GetCallerIdentity" with GetFederationToken credentials
            throw new IamException(IamError.ACCESS_DENIED, "Cannot call " + action + " with session credentials");
        }
        return switch (action) {
            case "GetCallerIdentity" -> callerIdentity(caller);
            case "GetSessionToken" -> sessionToken(caller, p);
            case "AssumeRole" -> roleSessions.assumeRole(caller, session, p);
            case "GetFederationToken" -> federatedSessions.getFederationToken(caller, p);
            case "GetAccessKeyInfo" -> accessKeyInfo(caller, p);
            case "DecodeAuthorizationMessage" -> decodeMessage(caller, p);
            default -> throw new IamException(IamError.INVALID_ACTION,
                    "Could not find operation " + action + " for version 2011-06-15");
        };
    }

    /**
     * The principal of a caller of {@code action}, which takes long-term credentials only: a user's or the root
     * user's.
     *
     * @throws IamException {@code AccessDenied} for temporary credentials and any other principal
     */
    static Principal longTermCaller(Caller caller, String action) throws IamException {
        if (caller.temporary()) {
            throw new IamException(IamError.ACCESS_DENIED, "Cannot call " + action + " with session credentials");
        }
        Principal principal = caller.principal();
        if (principal.kind() != Principal.Kind.ROOT && principal.kind() != Principal.Kind.USER) {
            throw new IamException(IamError.ACCESS_DENIED, "Cannot call " + action + " as " + principal.arn());
        }
        return principal;
    }

    /** Always allowed, as in AWS: no policy can deny a caller learning who it is. */
    private ObjectNode callerIdentity(Caller caller) {
        ObjectNode result = JSON.objectNode();
        Principal principal = caller.principal();
        ContextValue userId = caller.keys().get("aws:userid");
        result.put("UserId", userId != null ? userId.values().get(0)
                : principal.kind() == Principal.Kind.ROOT ? principal.accountId() : principal.arn());
        result.put("Account", principal.accountId());
        result.put("Arn", principal.arn());
        return result;
    }

    private ObjectNode sessionToken(Caller caller, Params p) throws IamException {
        Principal principal = longTermCaller(caller, "GetSessionToken");
        boolean root = principal.kind() == Principal.Kind.ROOT;
        int maximum = root ? 3_600 : 129_600;
        int duration = p.integer("DurationSeconds", 900, maximum, root ? 3_600 : 43_200);
        Instant mfaAt = mfaIfPresented(caller, p);
        Decision decision = authorize(caller, "sts:GetSessionToken", "*", Map.of());
        if (decision.outcome() == dev.warden.spi.Outcome.EXPLICITLY_DENIED) {
            // no permission is needed to get a session token, but an explicit deny still stops it
            throw new IamException(IamError.ACCESS_DENIED, decision.reason());
        }
        Instant now = now();
        ContextValue userId = caller.keys().get("aws:userid");
        SessionClaims claims = new SessionClaims(SessionClaims.Type.SESSION_TOKEN, principal.arn(),
                userId == null ? null : userId.values().get(0), dev.warden.core.auth.SigningCredential.newSecretAccessKey(), now, now.plusSeconds(duration), mfaAt,
                null, null, null, null, false);
        ObjectNode result = JSON.objectNode();
        result.set("Credentials", credentials(claims));
        return result;
    }

    private ObjectNode accessKeyInfo(Caller caller, Params p) throws IamException {
        String keyId = p.required("AccessKeyId", Constraint.ACCESS_KEY_ID);
        String account = null;
        Directory.KeyOwner owner = warden.directory().current().accessKeyOwner(keyId);
        if (owner != null) {
            account = owner.accountId();
        } else if (keyId.equals(caller.accessKeyId())) {
            account = caller.principal().accountId();
        }
        if (account == null) {
            // AWS decodes the account from the key id; Warden's ids are random, so only keys it knows have one
            throw new IamException(IamError.VALIDATION_ERROR, "The access key " + keyId + " is not known to this service");
        }
        ObjectNode result = JSON.objectNode();
        result.put("Account", account);
        return result;
    }

    /** Only principals allowed {@code sts:DecodeAuthorizationMessage} read what a denial sealed. */
    private ObjectNode decodeMessage(Caller caller, Params p) throws IamException {
        String encoded = p.required("EncodedMessage");
        Decision decision = authorize(caller, "sts:DecodeAuthorizationMessage", "*", Map.of());
        if (!decision.isAllowed()) {
            throw new IamException(IamError.ACCESS_DENIED, decision.reason());
        }
        try {
            ObjectNode result = JSON.objectNode();
            result.put("DecodedMessage", messages.decode(encoded));
            return result;
        } catch (IllegalArgumentException e) {
            throw new IamException(IamError.INVALID_AUTHORIZATION_MESSAGE, "The encoded message is not valid.");
        }
    }

    /** The sealing of authorization messages, for services that answer denials with one. */
    public AuthorizationMessages authorizationMessages() {
        return messages;
    }

    /** The time MFA was presented in this request ({@code SerialNumber} and {@code TokenCode}), else {@code null}. */
    Instant mfaIfPresented(Caller caller, Params p) throws IamException {
        String serial = p.optional("SerialNumber", Constraint.SERIAL_NUMBER, null);
        String code = p.optional("TokenCode", Constraint.TOKEN_CODE, null);
        if (serial == null && code == null) {
            return null;
        }
        if (serial == null || code == null) {
            throw new IamException(IamError.VALIDATION_ERROR, serial == null
                    ? "SerialNumber is required when TokenCode is given" : "TokenCode is required when SerialNumber is given");
        }
        Principal principal = caller.principal();
        if (caller.temporary() && caller.via() == Caller.Via.ROLE_SESSION) {
            // the MFA device belongs to the user who first signed in; a role session has none of its own
            throw new IamException(IamError.ACCESS_DENIED, MfaCheck.FAILED);
        }
        mfa.verify(principal, serial, code);
        return now();
    }

    /**
     * Decides {@code action} on {@code resource} for {@code caller}, with the request's own keys added, and, when
     * {@code resource} is one of the directory's roles, the role's tags as {@code aws:ResourceTag/KEY} and
     * {@code iam:ResourceTag/KEY} (AWS's keys of the role resource for AssumeRole, AssumeRoleWithWebIdentity,
     * TagSession, SetSourceIdentity and PassRole).
     */
    Decision authorize(Caller caller, String action, String resource, Map<String, ContextValue> requestKeys) {
        AuthorizationRequest.Builder request = AuthorizationRequest.builder(caller.principal(), action, resource);
        caller.contextAt(warden.clock().instant()).forEach(request::context);
        requestKeys.forEach(request::context);
        IamResource role = IamResource.find(warden.directory().current(), resource);
        if (role != null) {
            role.tagKeys().forEach(request::context);
        }
        return warden.authorize(request.build(), null, caller.sessionPolicy());
    }

    /**
     * Decides as {@link #authorize} does and refuses with AWS's {@code AccessDenied} and the decision's reason unless
     * allowed.
     */
    void require(Caller caller, String action, String resource, Map<String, ContextValue> requestKeys)
            throws IamException {
        Decision decision = authorize(caller, action, resource, requestKeys);
        if (!decision.isAllowed()) {
            throw new IamException(IamError.ACCESS_DENIED, decision.reason());
        }
    }

    /** AWS's {@code Credentials} element for a new session, sealing {@code claims} into its token. */
    ObjectNode credentials(SessionClaims claims) {
        TemporaryCredentials issued = issue(claims);
        ObjectNode credentials = JSON.objectNode();
        credentials.put("AccessKeyId", issued.accessKeyId());
        credentials.put("SecretAccessKey", issued.secretAccessKey());
        credentials.put("SessionToken", issued.sessionToken());
        credentials.put("Expiration", issued.expiration().toString());
        return credentials;
    }

    /** New temporary credentials for the session {@code claims} describe. */
    TemporaryCredentials issue(SessionClaims claims) {
        String keyId = UniqueIds.next(UniqueIds.TEMPORARY_ACCESS_KEY);
        return new TemporaryCredentials(keyId, claims.secretAccessKey(), tokens.seal(keyId, claims), claims.expires());
    }

    Instant now() {
        return warden.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    Warden warden() {
        return warden;
    }

    Duration chainedMaximum() {
        return Duration.ofHours(1);
    }
}
