package dev.warden.core.sts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.Caller;
import dev.warden.core.auth.CredentialLookup;
import dev.warden.core.auth.SecretSealer;
import dev.warden.core.auth.SecretSealer.SealedSecretException;
import dev.warden.core.iam.AccessKey;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.PolicyDocument;
import dev.warden.core.iam.Role;
import dev.warden.core.iam.Tag;
import dev.warden.core.iam.User;
import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.ContextValue;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves any access key id a request is signed with: a user's or a root user's long-term {@code AKIA} key from the
 * directory (which must exist and be active), or the {@code ASIA} key of temporary credentials, whose sealed session
 * token says everything about the session. Unsealed secrets and opened tokens are cached, so a warm lookup does no
 * cryptography; whether the key is still active is checked against the current directory every time. Thread-safe.
 */
public final class CallerCredentials implements CredentialLookup<CallerCredential> {

    private static final String UNKNOWN_KEY = "The security token included in the request is invalid.";

    private final LiveDirectory directory;
    private final SecretSealer sealer;
    private final SessionTokens tokens;
    private final Clock clock;
    /** Sealed secret to secret: a sealed text only ever opens to one secret, so it never goes stale. */
    private final Cache<String, String> secrets = Caffeine.newBuilder().maximumSize(10_000).build();
    /** Token to its opened session; expiry is still checked on every use. */
    private final Cache<String, OpenedSession> sessions = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(15)).build();

    private record OpenedSession(String accessKeyId, SessionClaims claims, StatementIndex sessionPolicy) {
    }

    /**
     * Key id to the caller it resolved to in one directory snapshot: a request signed with a long-term key looks its
     * user, key, tags and ARN up once per snapshot instead of once per request; any change makes a new snapshot.
     */
    private final Cache<String, ResolvedKey> longTermKeys = Caffeine.newBuilder().maximumSize(10_000).build();

    private record ResolvedKey(Directory snapshot, CallerCredential credential) {
    }

    public CallerCredentials(LiveDirectory directory, SecretSealer sealer, SessionTokens tokens, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.sealer = sealer;
        this.tokens = tokens;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CallerCredential lookup(String accessKeyId, String sessionToken) throws AuthenticationException {
        if (accessKeyId == null || accessKeyId.length() != 20) {
            throw new AuthenticationException(AuthFailure.UNKNOWN_ACCESS_KEY, UNKNOWN_KEY);
        }
        if (sessionToken != null) {
            return temporary(accessKeyId, sessionToken);
        }
        if (accessKeyId.startsWith("ASIA")) {
            // temporary credentials without their token: AWS answers as for an unknown key
            throw new AuthenticationException(AuthFailure.UNKNOWN_ACCESS_KEY, UNKNOWN_KEY);
        }
        return longTerm(accessKeyId);
    }

    /**
     * The caller for a principal the application vouches for (its own sign-in, not AWS credentials), with the
     * condition keys the directory knows for it: {@code aws:userid} and {@code aws:PrincipalTag/*} of a user or a
     * role's session. A principal the directory does not hold gets AWS's global keys only.
     */
    public Caller applicationCaller(Principal principal) {
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        Account account = principal.accountId() == null ? null : directory.current().account(principal.accountId());
        if (account != null && principal.kind() == Principal.Kind.USER) {
            User user = account.user(principal.name());
            if (user != null && user.arn(directory.current().partition(), account.id()).equals(principal.arn())) {
                keys.put("aws:userid", ContextValue.of(user.id()));
            }
        }
        principalTags(ownTags(principal), Map.of(), keys);
        return new Caller(principal, Caller.Via.APPLICATION, null, keys, null, null);
    }

    private CallerCredential longTerm(String accessKeyId) throws AuthenticationException {
        Directory current = directory.current();
        ResolvedKey resolved = longTermKeys.getIfPresent(accessKeyId);
        if (resolved != null && resolved.snapshot() == current) {
            return resolved.credential();
        }
        CallerCredential credential = longTerm(accessKeyId, current);
        longTermKeys.put(accessKeyId, new ResolvedKey(current, credential));
        return credential;
    }

    private CallerCredential longTerm(String accessKeyId, Directory current) throws AuthenticationException {
        Directory.KeyOwner owner = current.accessKeyOwner(accessKeyId);
        Account account = owner == null ? null : current.account(owner.accountId());
        boolean root = owner != null && owner.isRoot();
        User user = account == null || root ? null : account.user(owner.userName());
        List<AccessKey> keys = account == null ? List.of() : root ? account.root().accessKeys()
                : user == null ? List.of() : user.accessKeys();
        AccessKey key = keys.stream().filter(k -> k.id().equals(accessKeyId)).findFirst().orElse(null);
        if (key == null || !key.active() || sealer == null) {
            throw new AuthenticationException(AuthFailure.UNKNOWN_ACCESS_KEY, UNKNOWN_KEY);
        }
        String secret = secrets.getIfPresent(key.sealedSecret());
        if (secret == null) {
            try {
                secret = sealer.unseal(key.sealedSecret(), accessKeyId);
            } catch (SealedSecretException e) {
                throw new AuthenticationException(AuthFailure.INTERNAL,
                        "the secret of access key " + accessKeyId + " cannot be opened: " + e.getMessage(), e);
            }
            secrets.put(key.sealedSecret(), secret);
        }
        Map<String, ContextValue> context = new LinkedHashMap<>();
        Principal principal;
        if (root) {
            // AWS: the root user's aws:userid is its account id; it has no tags
            principal = Principal.of(account.rootArn(current.partition()));
            context.put("aws:userid", ContextValue.of(account.id()));
        } else {
            principal = Principal.of(user.arn(current.partition(), account.id())).withUniqueId(user.id());
            context.put("aws:userid", ContextValue.of(user.id()));
            principalTags(user.tags(), Map.of(), context);
        }
        Caller caller = new Caller(principal, Caller.Via.ACCESS_KEY, accessKeyId, context, null, null);
        return new CallerCredential(accessKeyId, secret, caller, null);
    }

    private CallerCredential temporary(String accessKeyId, String token) throws AuthenticationException {
        if (tokens == null) {
            throw new AuthenticationException(AuthFailure.INVALID_TOKEN, UNKNOWN_KEY);
        }
        OpenedSession opened = sessions.getIfPresent(token);
        if (opened == null || !opened.accessKeyId().equals(accessKeyId)) {
            SessionClaims claims = tokens.open(accessKeyId, token, clock.instant());
            opened = new OpenedSession(accessKeyId, claims, sessionPolicy(claims));
            sessions.put(token, opened);
        } else if (!clock.instant().isBefore(opened.claims().expires())) {
            throw new AuthenticationException(AuthFailure.EXPIRED_TOKEN,
                    "The security token included in the request is expired");
        }
        SessionClaims claims = opened.claims();
        Principal principal = claims.type() == SessionClaims.Type.FEDERATED_USER
                ? Principal.federatedUser(claims.principalArn(), claims.issuer().arn())
                : Principal.of(claims.principalArn());
        if (claims.issuerUniqueId() != null) {
            // the session belongs to this user or role, not to one created later under the same name
            principal = principal.withUniqueId(claims.issuerUniqueId());
        }
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        if (claims.userId() != null) {
            keys.put("aws:userid", ContextValue.of(claims.userId()));
        }
        keys.put("aws:TokenIssueTime", ContextValue.of(DateTimeFormatter.ISO_INSTANT.format(claims.issued())));
        keys.put("aws:MultiFactorAuthPresent", ContextValue.of(Boolean.toString(claims.mfaAuthenticated() != null)));
        if (claims.sourceIdentity() != null) {
            keys.put("aws:SourceIdentity", ContextValue.of(claims.sourceIdentity()));
        }
        if (claims.federatedProvider() != null) {
            keys.put("aws:FederatedProvider", ContextValue.of(claims.federatedProvider()));
        }
        principalTags(ownTags(principal), claims.tags(), keys);
        Caller.Via via = switch (claims.type()) {
            case ROLE_SESSION -> Caller.Via.ROLE_SESSION;
            case CONSOLE -> Caller.Via.CONSOLE;
            case SESSION_TOKEN -> Caller.Via.SESSION_TOKEN;
            case FEDERATED_USER -> Caller.Via.FEDERATED_USER;
        };
        Caller caller = new Caller(principal, via, accessKeyId, keys, claims.mfaAuthenticated(),
                opened.sessionPolicy());
        return new CallerCredential(accessKeyId, claims.secretAccessKey(), caller, claims);
    }

    /** The tags of the user or role behind {@code principal} in the current directory. */
    private List<Tag> ownTags(Principal principal) {
        Account account = principal.accountId() == null ? null : directory.current().account(principal.accountId());
        if (account == null) {
            return List.of();
        }
        if (principal.kind() == Principal.Kind.ASSUMED_ROLE) {
            Role role = account.role(principal.sessionRoleName());
            return role == null ? List.of() : role.tags();
        }
        // a federated-user session has its user's tags, which its session tags override
        String userName = principal.kind() == Principal.Kind.USER ? principal.name()
                : principal.kind() == Principal.Kind.FEDERATED_USER && principal.sessionIssuer() != null
                        ? Principal.of(principal.sessionIssuer()).name() : null;
        User user = userName == null ? null : account.user(userName);
        return user == null ? List.of() : user.tags();
    }

    /** {@code aws:PrincipalTag/KEY}: session tags win over the principal's own tags with the same key. */
    private static void principalTags(List<Tag> own, Map<String, String> session, Map<String, ContextValue> keys) {
        Map<String, String> tags = new LinkedHashMap<>();
        own.forEach(t -> tags.put(t.key().toLowerCase(java.util.Locale.ROOT), t.value()));
        session.forEach((k, v) -> tags.put(k.toLowerCase(java.util.Locale.ROOT), v));
        // keys are matched without regard to case, so the lower-cased name stands for all spellings
        tags.forEach((k, v) -> keys.put("aws:PrincipalTag/" + k, ContextValue.of(v)));
    }

    private static StatementIndex sessionPolicy(SessionClaims claims) throws AuthenticationException {
        if (claims.sessionPolicies().isEmpty()) {
            // AWS: temporary credentials without session policies are not narrowed at all
            return null;
        }
        List<CompiledPolicy> compiled = new ArrayList<>();
        int n = 0;
        for (String text : claims.sessionPolicies()) {
            try {
                compiled.add(PolicyDocument.parse(text, PolicyKind.SESSION)
                        .compiled("session policy #" + n++, PolicyType.SESSION));
            } catch (MalformedPolicyException e) {
                // sealed by us, so only a parser change can get here: fail closed
                throw new AuthenticationException(AuthFailure.INTERNAL, "a session policy no longer parses", e);
            }
        }
        return StatementIndex.of(compiled);
    }
}
