package dev.warden.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.warden.core.admin.IamService;
import dev.warden.core.admin.Quotas;
import dev.warden.core.audit.AuditLog;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.auth.SecretSealer;
import dev.warden.core.iam.IamException;
import dev.warden.core.sts.AuthorizationMessages;
import dev.warden.core.sts.CallerCredentials;
import dev.warden.core.sts.ConsoleSignIn;
import dev.warden.core.sts.PassRole;
import dev.warden.core.sts.WorkloadSessions;
import dev.warden.core.sts.MfaCheck;
import dev.warden.core.sts.SessionTokenKeys;
import dev.warden.core.sts.SessionTokens;
import dev.warden.core.sts.StsService;
import dev.warden.core.eval.Evaluation;
import dev.warden.core.eval.EvaluationInput;
import dev.warden.core.eval.Evaluator;
import dev.warden.core.iam.AccessKeyUsage;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.ManagedPolicyCatalog;
import dev.warden.core.iam.PolicySet;
import dev.warden.core.iam.Role;
import dev.warden.core.iam.StoreDocumentException;
import dev.warden.core.metrics.DecisionMetrics;
import dev.warden.core.policy.StatementIndex;
import dev.warden.core.store.InMemoryDirectoryStore;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import dev.warden.spi.DecisionListener;
import dev.warden.spi.DirectoryStore;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warden: AWS IAM, in-process. Holds the directory (identities and policies, from a store), decides authorization
 * requests with AWS's evaluation logic, counts and times every decision, and tells listeners (the audit log among
 * them).
 *
 * <pre>{@code
 * try (Warden warden = Warden.builder().store(FileDirectoryStore.open(Path.of("warden-data"))).build()) {
 *     Decision d = warden.authorize(AuthorizationRequest.builder(
 *             Principal.of("arn:aws:iam::111122223333:user/alice"), "orders:GetOrder",
 *             "arn:aws:orders:us-east-1:111122223333:order/7").build());
 * }
 * }</pre>
 *
 * <p>A principal's compiled policies (identity, groups, boundary, SCP chain) are cached per directory version; a
 * decision on a warm cache costs one cache probe more than the engine. Any failure while deciding is a denial,
 * counted ({@code outcome=error}) and logged: Warden fails closed. So is every request of a principal that a store
 * document which cannot be read applies to ({@link Directory#unreadableDocumentFor}): an explicit denial naming the
 * file, since what the document says (a Deny, perhaps) is unknown. {@link #health()} reports both. Thread-safe.
 */
public final class Warden implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Warden.class);

    /**
     * A principal's policies at one directory version, and the engine's input when nothing else applies. When none
     * of them reads condition keys, {@code decisions} remembers answers by action and resource.
     */
    private record CachedSet(long version, PolicySet set, EvaluationInput identityOnly, DecisionCache decisions) {
        CachedSet(long version, PolicySet set) {
            this(version, set, new EvaluationInput(set.identity(), set.boundary(), null, set.serviceControlLevels(),
                    null, null, null), readsContext(set) ? null : new DecisionCache());
        }

        private static boolean readsContext(PolicySet set) {
            if (set.identity().readsContext() || set.boundary() != null && set.boundary().readsContext()) {
                return true;
            }
            return set.serviceControlLevels() != null
                    && set.serviceControlLevels().stream().anyMatch(StatementIndex::readsContext);
        }
    }

    private record CachedControls(long version, List<StatementIndex> levels) {
    }

    /** The policies of the principal this thread decided for last (method checks repeat the same caller). */
    private record LastSet(Principal principal, CachedSet set) {
    }

    private final LiveDirectory directory;
    private final Clock clock;
    private final IamService iam;
    private final StsService sts;
    private final CallerCredentials credentials;
    private final AccessKeyUsage accessKeyUsage;
    private final ConsoleSignIn signIn;
    private final Cache<Principal, CachedSet> policySets;
    private final Cache<String, CachedControls> resourceControls;
    private final DecisionMetrics metrics;
    private final List<DecisionListener> listeners;
    private final int latencySampling;
    private final boolean listenersNeedLatency;
    private final boolean listenersNeedContext;
    private final ThreadLocal<LastSet> lastSet = new ThreadLocal<>();
    private volatile Health.Failure lastReloadFailure;
    private int decisions;

    private Warden(Builder b, LiveDirectory directory) {
        this.directory = directory;
        this.clock = b.clock;
        SecretSealer sealer = b.masterKey == null ? null : new SecretSealer(b.masterKey);
        this.iam = new IamService(this, sealer, b.quotas);
        SessionTokens tokens = b.masterKey == null ? null : new SessionTokens(b.sessionTokenKeys != null
                ? b.sessionTokenKeys : SessionTokenKeys.derivedFrom(b.masterKey));
        this.sts = tokens == null ? null : new StsService(this, tokens, b.mfaCheck != null ? b.mfaCheck : iam::verifyMfa,
                new AuthorizationMessages(sealer));
        this.credentials = new CallerCredentials(directory, sealer, tokens, b.clock);
        this.accessKeyUsage = new AccessKeyUsage(directory, b.clock);
        this.signIn = sts == null ? null : new ConsoleSignIn(this, sts, b.registry);
        this.policySets = Caffeine.newBuilder().maximumSize(b.policySetCacheSize).recordStats().build();
        this.resourceControls = Caffeine.newBuilder().maximumSize(1_000).build();
        CaffeineCacheMetrics.monitor(b.registry, policySets, "warden.policysets");
        this.metrics = new DecisionMetrics(b.registry);
        this.listeners = List.copyOf(b.listeners);
        this.latencySampling = b.latencySampling;
        this.listenersNeedLatency = listeners.stream().anyMatch(DecisionListener::needsLatency);
        this.listenersNeedContext = listeners.stream().anyMatch(DecisionListener::needsContext);
        Counter reloads = Counter.builder("warden.store.reloads").tag("result", "success").register(b.registry);
        Counter rejections = Counter.builder("warden.store.reloads").tag("result", "failure").register(b.registry);
        io.micrometer.core.instrument.Gauge.builder("warden.store.unreadable.documents", directory,
                        d -> d.current().rejected().size())
                .description("Store documents that cannot be used (invalid or unreadable)").register(b.registry);
        directory.addReloadListener(new LiveDirectory.ReloadListener() {
            @Override
            public void reloaded(Directory snapshot, java.util.Set<String> paths, List<StoreDocumentException> rejected) {
                if (rejected.isEmpty()) {
                    reloads.increment();
                    return;
                }
                rejections.increment();
                logRejected(snapshot, rejected, "reload");
            }

            @Override
            public void readFailed(IOException failure) {
                rejections.increment();
                lastReloadFailure = new Health.Failure(clock.instant(), failure.getMessage());
            }
        });
        List<StoreDocumentException> rejectedAtLoad = List.copyOf(directory.current().rejected().values());
        if (!rejectedAtLoad.isEmpty()) {
            rejections.increment();
            logRejected(directory.current(), rejectedAtLoad, "load");
        }
    }

    /** Logs each rejected document at ERROR (file, JSON pointer, reason, and what it means for decisions). */
    private void logRejected(Directory snapshot, List<StoreDocumentException> rejected, String when) {
        for (StoreDocumentException e : rejected) {
            lastReloadFailure = new Health.Failure(clock.instant(), e.getMessage());
            if (snapshot.quarantined().containsKey(e.path())) {
                LOG.error("store document rejected at {}: {}; it has no last good state, so every principal it "
                        + "applies to is denied every request until the file is repaired or deleted", when,
                        e.getMessage());
            } else {
                LOG.error("store document rejected at {}: {}; its last good state stays in force", when,
                        e.getMessage());
            }
        }
    }

    /**
     * The state of this Warden for health checks: {@code failing} when its store cannot be read, {@code degraded}
     * when some store documents cannot be used, {@code ok} otherwise, with the details.
     */
    public Health health() {
        LiveDirectory.ReadFailure readFailure = directory.readFailure();
        Directory current = directory.current();
        List<Health.UnreadableDocument> unreadable = new ArrayList<>();
        current.rejected().values().stream()
                .sorted(java.util.Comparator.comparing(StoreDocumentException::path))
                .forEach(e -> unreadable.add(new Health.UnreadableDocument(e.path(),
                        e.pointer().isEmpty() ? "/" : e.pointer(), e.reason(),
                        current.quarantined().containsKey(e.path()))));
        Health.Status status = readFailure != null ? Health.Status.FAILING
                : unreadable.isEmpty() ? Health.Status.OK : Health.Status.DEGRADED;
        return new Health(status, readFailure == null, !directory.isReadOnly(), unreadable,
                readFailure == null ? null : new Health.Failure(readFailure.at(), readFailure.message()),
                lastReloadFailure, metrics.errors());
    }

    /** Starts configuring a Warden. */
    public static Builder builder() {
        return new Builder();
    }

    /** The directory (identities and policies) this Warden decides with. */
    public LiveDirectory directory() {
        return directory;
    }

    /** IAM's administrative API over this Warden's directory (users, roles, policies, keys, the simulator). */
    public IamService iam() {
        return iam;
    }

    /**
     * AWS STS over this Warden's directory (session tokens, AssumeRole, GetCallerIdentity).
     *
     * @throws IllegalStateException when no master key is configured: session tokens are sealed under it
     */
    public StsService sts() {
        if (sts == null) {
            throw new IllegalStateException("STS needs a master key (Warden.builder().masterKey(...))");
        }
        return sts;
    }

    /**
     * Signs an IAM user in with its console password, for applications with their own login page: the answer is a
     * 12-hour console session (temporary credentials whose {@code aws:MultiFactorAuthPresent} is true when an MFA
     * code was checked). Users with an MFA device must give its current code.
     *
     * @param account the account's id or alias
     * @param mfaCode the current code of the user's MFA device, or {@code null} when it has none
     * @throws IamException {@code AccessDenied} ("Your authentication information is incorrect. Please try again.")
     *     for a wrong account, user or password, alike; {@code AccessDenied} for a missing or wrong MFA code;
     *     {@code EntityTemporarilyUnmodifiable} for a hard-expired password
     * @throws IllegalStateException when no master key is configured
     */
    public ConsoleSignIn.Result login(String account, String user, char[] password, String mfaCode)
            throws IamException {
        if (signIn == null) {
            throw new IllegalStateException("sign-in needs a master key (Warden.builder().masterKey(...))");
        }
        return signIn.signIn(account, user, password, mfaCode);
    }

    /**
     * Signs the root user of an account in with its console password, as AWS's root sign-in does: by its email
     * address (set with {@code iam().setRootEmail}), or by the account's id. The answer is a 12-hour console session
     * of {@code arn:aws:iam::ACCOUNT:root}; when the root user has an MFA device, its current code is required. The
     * root user may do everything in its account: prefer IAM users and roles.
     *
     * @throws IamException {@code AccessDenied} ("Your authentication information is incorrect. Please try again.")
     *     for an unknown address, an account without root password or a wrong password, alike; {@code AccessDenied}
     *     for a missing or wrong MFA code
     * @throws IllegalStateException when no master key is configured
     */
    public ConsoleSignIn.Result loginAsRoot(String emailOrAccountId, char[] password, String mfaCode)
            throws IamException {
        if (signIn == null) {
            throw new IllegalStateException("sign-in needs a master key (Warden.builder().masterKey(...))");
        }
        return signIn.signInAsRoot(emailOrAccountId, password, mfaCode);
    }

    /** Credentials for workloads without static keys: a service assumes their role for them. */
    public WorkloadSessions workloads() {
        return new WorkloadSessions(sts());
    }

    /** The {@code iam:PassRole} check, for operations that hand a role to a service. */
    public PassRole passRole() {
        return new PassRole(sts());
    }

    /**
     * Resolves the access key id (and session token) of a signed request to its caller: what SigV4 verification
     * looks keys up with.
     */
    public CallerCredentials credentials() {
        return credentials;
    }

    /**
     * Records the last use of long-term access keys (GetAccessKeyLastUsed, the credential report): whatever
     * authenticates a signed request tells it which key signed for which service and region.
     */
    public AccessKeyUsage accessKeyUsage() {
        return accessKeyUsage;
    }

    /** The clock decisions and operations read the time from. */
    public Clock clock() {
        return clock;
    }

    /** Decides {@code request} with the policies the directory holds for its principal and resource. */
    public Decision authorize(AuthorizationRequest request) {
        return authorize(request, null);
    }

    /**
     * Decides {@code request}, with {@code resourcePolicy} as the resource's resource-based policy (a bucket policy,
     * ...). For {@code sts:} actions on one of the directory's roles, the role's trust policy is used when no
     * resource policy is given.
     */
    public Decision authorize(AuthorizationRequest request, StatementIndex resourcePolicy) {
        return authorize(request, resourcePolicy, null);
    }

    /**
     * Decides {@code request} for a session narrowed by {@code sessionPolicy} (the compiled session policies of
     * temporary credentials; {@code null} for none), with {@code resourcePolicy} as the resource-based policy.
     */
    public Decision authorize(AuthorizationRequest request, StatementIndex resourcePolicy,
                              StatementIndex sessionPolicy) {
        // Reading the clock twice costs as much as a third of a warm decision: time every decision only when a
        // listener wants the figure, otherwise one in latencySampling (a racy counter is fine for sampling).
        boolean timed = listenersNeedLatency || ++decisions % latencySampling == 0;
        long start = timed ? System.nanoTime() : 0;
        Decision decision;
        try {
            EvaluationInput input = input(request, resourcePolicy, sessionPolicy);
            if (input == null) {
                StoreDocumentException unreadable = directory.current().unreadableDocumentFor(request.principal());
                if (unreadable != null) {
                    Decision denied = unreadableDocument(request, unreadable);
                    finish(request, request.action(), denied, true, timed, start);
                    return denied;
                }
            }
            decision = input == null ? unknownPrincipal(request) : Evaluator.decide(request, input);
        } catch (RuntimeException e) {
            metrics.recordError(request.action());
            LOG.error("authorization of {} on {} by {} failed; denied", request.action(), request.resource(),
                    request.principal(), e);
            return new Decision(Outcome.IMPLICITLY_DENIED, List.of(),
                    "User: " + request.principal() + " is not authorized to perform: " + request.action()
                            + " because the authorization could not be evaluated");
        }
        finish(request, request.action(), decision, false, timed, start);
        return decision;
    }

    /**
     * Counts ({@code failed}: as an error) and times {@code decision} and tells the listeners that want it
     * ({@code request} is null when none does).
     */
    private void finish(AuthorizationRequest request, String action, Decision decision, boolean failed, boolean timed,
                        long start) {
        if (failed) {
            metrics.recordError(action);
        } else {
            metrics.count(action, decision);
        }
        long nanos = -1;
        if (timed) {
            nanos = System.nanoTime() - start;
            metrics.time(nanos);
        }
        for (DecisionListener listener : listeners) {
            try {
                if (request == null || !listener.wants(decision)) {
                    continue;
                }
                listener.onDecision(request, decision, nanos);
            } catch (RuntimeException e) {
                LOG.warn("decision listener {} failed", listener.getClass().getName(), e);
            }
        }
    }

    /**
     * Decides whether {@code principal} may perform {@code action} on {@code resource}, with the condition keys
     * {@code context} supplies, which is called only when the decision needs them: when the principal's policies
     * read no condition keys (no {@code Condition}, no policy variable in a resource), the answer depends on
     * principal, action and resource alone, and is remembered per directory version. Counted, timed and told to
     * listeners as {@link #authorize(AuthorizationRequest)} is. For method-level checks made on every call.
     */
    public Decision authorize(Principal principal, String action, String resource,
                              Supplier<Map<String, ContextValue>> context) {
        CachedSet cached = contextFreeSet(principal, action, resource);
        if (cached == null) {
            return authorize(new AuthorizationRequest(principal, action, resource, null, context.get()));
        }
        boolean timed = listenersNeedLatency || ++decisions % latencySampling == 0;
        long start = timed ? System.nanoTime() : 0;
        Decision decision = cached.decisions().get(action, resource);
        AuthorizationRequest request = null;
        if (decision == null) {
            request = new AuthorizationRequest(principal, action, resource, null, Map.of());
            try {
                decision = Evaluator.decide(request, cached.identityOnly());
            } catch (RuntimeException e) {
                return authorize(new AuthorizationRequest(principal, action, resource, null, context.get()));
            }
            cached.decisions().put(action, resource, decision);
        }
        if (request == null || listenersNeedContext) {
            request = !anyListenerWants(decision) ? null : new AuthorizationRequest(principal, action, resource, null,
                    listenersNeedContext ? context.get() : Map.of());
        }
        finish(request, action, decision, false, timed, start);
        return decision;
    }

    private boolean anyListenerWants(Decision decision) {
        for (DecisionListener listener : listeners) {
            if (listener.wants(decision)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cached policies of {@code principal} when a decision on {@code action} and {@code resource} depends on
     * those alone: a known IAM principal whose policies read no condition keys, no trust policy involved (not
     * {@code sts:}), and no resource control policies over the resource's account; else {@code null}.
     */
    private CachedSet contextFreeSet(Principal principal, String action, String resource) {
        Principal.Kind kind = principal.kind();
        if (!principal.isAuthenticated() || kind == Principal.Kind.SERVICE || kind == Principal.Kind.WEB_IDENTITY
                || action.regionMatches(true, 0, "sts:", 0, 4)) {
            return null;
        }
        Directory current = directory.current();
        if (current.organization() != null) {
            return null; // resource control policies may apply, and read the resource's account
        }
        LastSet last = lastSet.get();
        CachedSet cached;
        if (last != null && last.principal == principal && last.set.version() == current.policyVersion()) {
            cached = last.set;
        } else {
            cached = policySet(current, principal);
            lastSet.set(new LastSet(principal, cached));
        }
        return cached.set() == null || cached.decisions() == null ? null : cached;
    }

    /** Decides {@code request} and says what each kind of policy said. */
    public Evaluation explain(AuthorizationRequest request, StatementIndex resourcePolicy) {
        EvaluationInput input = input(request, resourcePolicy, null);
        if (input == null) {
            StoreDocumentException unreadable = directory.current().unreadableDocumentFor(request.principal());
            if (unreadable != null) {
                return Evaluation.withoutPolicies(unreadableDocument(request, unreadable));
            }
            input = EvaluationInput.identity(StatementIndex.of(List.of()));
        }
        return Evaluator.evaluate(request, input);
    }

    /**
     * The policies in force for {@code request}, or {@code null} when the directory does not know its principal or
     * cannot read a document that applies to it.
     */
    EvaluationInput input(AuthorizationRequest request, StatementIndex resourcePolicy, StatementIndex sessionPolicy) {
        Directory current = directory.current();
        Principal principal = request.principal();
        CachedSet cached = null;
        // service principals and web identities hold no policies of their own: only the resource's policy speaks
        if (principal.isAuthenticated() && principal.kind() != Principal.Kind.SERVICE
                && principal.kind() != Principal.Kind.WEB_IDENTITY) {
            cached = policySet(current, principal);
            if (cached.set() == null) {
                return null;
            }
        } else if (current.unreadableDocumentFor(principal) != null) {
            return null; // the organization's document: its resource control policies are unknown
        }
        StatementIndex resource = resourcePolicy != null ? resourcePolicy : trustPolicy(current, request);
        List<StatementIndex> rcps = resourceControls(current, request.resourceAccount());
        if (cached == null) {
            return new EvaluationInput(null, null, null, null, rcps, resource, null);
        }
        if (resource == null && rcps == null && sessionPolicy == null) {
            return cached.identityOnly(); // the common case, without an allocation
        }
        PolicySet set = cached.set();
        return new EvaluationInput(set.identity(), set.boundary(), sessionPolicy, set.serviceControlLevels(), rcps,
                resource, null);
    }

    /** The principal's cached policies; their {@code set()} is {@code null} when the directory does not know it. */
    private CachedSet policySet(Directory current, Principal principal) {
        // keyed by the whole value: a federated session's issuer and a credential's unique id pick the set too
        CachedSet cached = policySets.getIfPresent(principal);
        // keyed by the policy version: a key's last use or a sign-in rewrites the directory, not anyone's permissions
        if (cached == null || cached.version != current.policyVersion()) {
            // a principal that an unreadable document applies to has no policies: it is denied, naming the document
            PolicySet set = current.unreadableDocumentFor(principal) != null ? null : PolicySet.of(current, principal);
            cached = set == null ? new CachedSet(current.policyVersion(), null, null, null)
                    : new CachedSet(current.policyVersion(), set);
            policySets.put(principal, cached);
        }
        return cached;
    }

    private List<StatementIndex> resourceControls(Directory current, String accountId) {
        if (current.organization() == null || accountId == null) {
            return null;
        }
        CachedControls cached = resourceControls.getIfPresent(accountId);
        if (cached == null || cached.version != current.policyVersion()) {
            cached = new CachedControls(current.policyVersion(), PolicySet.controlLevels(current, accountId, true));
            resourceControls.put(accountId, cached);
        }
        return cached.levels;
    }

    private static StatementIndex trustPolicy(Directory current, AuthorizationRequest request) {
        String action = request.action();
        if (!action.regionMatches(true, 0, "sts:", 0, 4)) {
            return null;
        }
        String[] arn = request.resource().split(":", 6);
        if (arn.length != 6 || !arn[2].equals("iam") || !arn[5].startsWith("role/") || current.account(arn[4]) == null) {
            return null;
        }
        Role role = current.account(arn[4]).role(arn[5].substring(arn[5].lastIndexOf('/') + 1));
        if (role == null || !role.arn(current.partition(), arn[4]).equals(request.resource())) {
            return null;
        }
        return StatementIndex.of(role.trustPolicy().compiled("trust policy of role " + role.name(), PolicyType.RESOURCE));
    }

    /**
     * The explicit denial of a request whose principal a store document that cannot be read applies to: nothing may
     * allow it, as the document may hold a Deny. The file is named; the JSON pointer and reason are logged and in
     * {@link #health()}.
     */
    private static Decision unreadableDocument(AuthorizationRequest request, StoreDocumentException unreadable) {
        return new Decision(Outcome.EXPLICITLY_DENIED, List.of(), "User: " + request.principal()
                + " is not authorized to perform: " + request.action() + " on resource: " + request.resource()
                + " because the store document " + unreadable.path() + ", which applies to this principal, cannot be "
                + "read; every request of the principal is denied until the document is repaired");
    }

    private Decision unknownPrincipal(AuthorizationRequest request) {
        Principal principal = request.principal();
        String why = principal.uniqueId() == null ? "the principal does not exist"
                : "the IAM user or role its credentials were issued for (" + principal.uniqueId()
                        + ") no longer exists";
        return new Decision(Outcome.IMPLICITLY_DENIED, List.of(), "User: " + principal
                + " is not authorized to perform: " + request.action() + " because " + why);
    }

    @Override
    public void close() throws IOException {
        accessKeyUsage.close(); // writes pending uses while the directory is still open
        directory.close();
    }

    /** Configures a {@link Warden}. */
    public static final class Builder {
        private DirectoryStore store;
        private Clock clock = Clock.systemUTC();
        private MeterRegistry registry = Metrics.globalRegistry;
        private final List<DecisionListener> listeners = new ArrayList<>();
        private String partition = "aws";
        private long policySetCacheSize = 100_000;
        private double auditAllowSampling = 1.0;
        private boolean audit = true;
        private boolean serviceLoader = true;
        private ClassLoader classLoader = Warden.class.getClassLoader();
        private MasterKey masterKey;
        private SessionTokenKeys sessionTokenKeys;
        private MfaCheck mfaCheck;
        private int latencySampling = 16;
        private Quotas quotas = Quotas.aws();

        private Builder() {
        }

        /** Where the directory lives (default: an empty in-memory store). */
        public Builder store(DirectoryStore store) {
            this.store = Objects.requireNonNull(store);
            return this;
        }

        /** The clock for decisions, audit records and dates (default: UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Where meters go (default: Micrometer's global registry). */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry);
            return this;
        }

        /** Adds a listener told about every decision. */
        public Builder listener(DecisionListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /** The ARN partition (default {@code aws}). */
        public Builder partition(String partition) {
            this.partition = Objects.requireNonNull(partition);
            return this;
        }

        /** How many principals' compiled policy sets to keep (default 100,000). */
        public Builder policySetCacheSize(long size) {
            this.policySetCacheSize = size;
            return this;
        }

        /** Whether to write the audit log ({@code warden.audit}, default on) and what share of allows to log. */
        public Builder audit(boolean enabled, double allowSampling) {
            this.audit = enabled;
            this.auditAllowSampling = allowSampling;
            return this;
        }

        /** Whether to add {@link DecisionListener}s found with {@link ServiceLoader} (default on). */
        public Builder serviceLoaderListeners(boolean enabled) {
            this.serviceLoader = enabled;
            return this;
        }

        /** Where shipped managed policies and listeners are looked up (default: Warden's own class loader). */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader);
            return this;
        }

        /** The key that seals secrets at rest (needed to create access keys). */
        /**
         * The keys session tokens are sealed with (default: key id {@code 1} derived from the master key); see
         * {@link SessionTokenKeys} for rotation.
         */
        public Builder sessionTokenKeys(SessionTokenKeys keys) {
            this.sessionTokenKeys = Objects.requireNonNull(keys);
            return this;
        }

        /** Checks the MFA codes presented to STS (default: the users' virtual MFA devices in the directory). */
        public Builder mfaCheck(MfaCheck check) {
            this.mfaCheck = Objects.requireNonNull(check);
            return this;
        }

        public Builder masterKey(MasterKey key) {
            this.masterKey = Objects.requireNonNull(key);
            return this;
        }

        /**
         * Feed the {@code warden.decision.latency} timer with one decision in {@code every} (default 16; 1 times every
         * decision). Every decision is counted regardless, and timed whenever a listener is registered.
         */
        public Builder latencySampling(int every) {
            if (every < 1) {
                throw new IllegalArgumentException("latency sampling must be 1 or more, got " + every);
            }
            this.latencySampling = every;
            return this;
        }

        /** IAM's quotas (default: AWS's). */
        public Builder quotas(Quotas quotas) {
            this.quotas = Objects.requireNonNull(quotas);
            return this;
        }

        /** Loads the directory and starts following its changes. */
        public Warden build() throws IOException {
            if (audit) {
                listeners.add(new AuditLog(clock, auditAllowSampling));
            }
            if (serviceLoader) {
                ServiceLoader.load(DecisionListener.class, classLoader).forEach(listeners::add);
            }
            DirectoryStore chosen = store != null ? store : new InMemoryDirectoryStore();
            Map<String, dev.warden.core.iam.ManagedPolicy> shipped = ManagedPolicyCatalog.load(classLoader);
            return new Warden(this, LiveDirectory.open(chosen, partition, shipped));
        }
    }
}
