package dev.warden.agent.internal;

import dev.warden.agent.bootstrap.Dispatch;
import dev.warden.agent.bootstrap.Gate;
import dev.warden.agent.bootstrap.Gates;
import dev.warden.agent.internal.principal.CallerNames;
import dev.warden.agent.internal.principal.CallerSource;
import dev.warden.core.Warden;
import dev.warden.core.eval.GlobalContextKeys;
import dev.warden.core.iam.Directory;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's enforcement: for each call of an enforced method, who calls (the application's
 * {@code RequestContext}, else the configured source), the resource and keys its templates give, and Warden's
 * decision; anything but Allowed throws the denial. Fails closed: no caller, a template that cannot be rendered, a
 * broken store or config, any error: denied, logged and counted ({@code warden.agent.denials{reason}}).
 */
final class EnforcingGate implements Gate {

    private static final Logger LOG = LoggerFactory.getLogger(EnforcingGate.class);

    /**
     * Who calls, and where the condition keys of the call come from: the application's bound context (with its
     * keys), or the directory alone. It is also the supplier of the call's keys, which Warden asks for only when the
     * caller's policies read them (one object per call rather than two).
     */
    private final class Caller implements Supplier<Map<String, ContextValue>> {
        final Principal principal;
        final AppSpi spi;
        final Object context;
        Warden warden;
        Checkpoint checkpoint;
        Object[] arguments;

        /** A caller named by the application's bound {@code context} (from {@code spi}), or by neither (null). */
        Caller(Principal principal, AppSpi spi, Object context) {
            this.principal = principal;
            this.spi = spi;
            this.context = context;
        }

        /** The keys the application bound with the caller (a request's, from {@code WardenFilter}). */
        Map<String, ContextValue> bound() throws Throwable {
            return context == null ? Map.of() : spi.keysOf(context);
        }

        @Override
        public Map<String, ContextValue> get() {
            try {
                return keys(warden, this, checkpoint, arguments);
            } catch (Throwable e) {
                throw new IllegalStateException("the condition keys of the call could not be read", e);
            }
        }
    }

    /** The keys the directory gives a principal, at one directory snapshot. */
    private record KnownCaller(Directory snapshot, Map<String, ContextValue> keys) {
    }

    /**
     * A caller's complete keys for calls without keys of their own, ready for requests (normalized): the same
     * within one second (aws:CurrentTime's precision), one directory snapshot and one bound request.
     */
    private record ReadyKeys(Directory snapshot, long second, Map<String, ContextValue> bound,
                             Map<String, ContextValue> keys) {
    }

    /** What a task carries to the thread that runs it. */
    private record Captured(Dispatch dispatch, AppSpi[] spis, Object[] contexts) {
    }

    /** What {@link #attach} replaced, to put back. */
    private record Attached(Dispatch previous, AppSpi[] spis, Object[] scopes) {
    }

    private final Engine engine;
    private final Checkpoints checkpoints;
    private final SpiRegistry spis;
    private final CallerSource source;
    private final CallerNames names;
    private final Denials denials;
    private final Map<String, KnownCaller> known = new ConcurrentHashMap<>();
    private final Map<String, ReadyKeys> ready = new ConcurrentHashMap<>();
    private final Set<Checkpoint> reportedMisconfigured = ConcurrentHashMap.newKeySet();
    private final Set<Checkpoint> reportedNoCaller = ConcurrentHashMap.newKeySet();
    private final Counter noCaller;
    private final Counter failures;
    private final Counter misconfigured;

    /**
     * A gate deciding with the {@code engine}'s Warden; when the engine has none (a broken config or store) it
     * denies every call, saying why.
     */
    EnforcingGate(Engine engine, Checkpoints checkpoints, SpiRegistry spis, CallerSource source,
                  CallerNames names, Denials denials, MeterRegistry registry) {
        this.engine = engine;
        this.checkpoints = checkpoints;
        this.spis = spis;
        this.source = source;
        this.names = names;
        this.denials = denials;
        this.noCaller = Counter.builder("warden.agent.denials").tag("reason", "no-caller").register(registry);
        this.failures = Counter.builder("warden.agent.denials").tag("reason", "error").register(registry);
        this.misconfigured = Counter.builder("warden.agent.denials").tag("reason", "misconfigured").register(registry);
    }

    @Override
    public void check(int id, Object[] arguments) {
        Checkpoint checkpoint = checkpoints.get(id);
        if (checkpoint == null) {
            misconfigured.increment();
            throw new SecurityException("Warden agent: call refused, its checkpoint " + id + " is unknown (the class "
                    + "was woven by an agent that is no longer installed)");
        }
        Decision decision = decide(checkpoint, arguments);
        if (decision.outcome() != Outcome.ALLOWED) {
            Dispatch dispatch = Gates.dispatch();
            if (dispatch != null) {
                dispatch.recordDenial(decision.reason());
                answerNow(dispatch, decision);
            }
            throw denials.of(checkpoint, decision);
        }
    }

    private Decision decide(Checkpoint checkpoint, Object[] arguments) {
        Engine.State state = engine.get();
        String broken = state.problem() != null ? state.problem() : checkpoint.problem();
        if (broken != null || state.warden() == null) {
            misconfigured.increment();
            if (reportedMisconfigured.add(checkpoint)) {
                LOG.error("call to {} ({}) denied, and every further call to it: the Warden agent is misconfigured: "
                        + "{}", checkpoint.where(), checkpoint.action(), broken);
            }
            return denied("Not authorized to perform: " + checkpoint.action() + " because the authorization of this "
                    + "call is misconfigured");
        }
        String resource = null;
        try {
            Caller caller = caller(checkpoint);
            if (caller == null) {
                noCaller.increment();
                String rendered = checkpoint.resource().readsAccount() ? null
                        : checkpoint.resource().render(arguments, null);
                if (reportedNoCaller.add(checkpoint)) {
                    LOG.warn("call to {} ({}) denied: it is made for no principal ({}); further such denials of it "
                            + "are logged at DEBUG", checkpoint.where(), checkpoint.action(), source.describe());
                } else {
                    LOG.debug("call to {} ({}) denied: it is made for no principal ({})", checkpoint.where(),
                            checkpoint.action(), source.describe());
                }
                return denied("User: anonymous is not authorized to perform: " + checkpoint.action()
                        + (rendered == null ? "" : " on resource: " + rendered) + " because the call is made for no "
                        + "principal");
            }
            resource = checkpoint.resource().render(arguments, caller.principal.accountId());
            caller.warden = state.warden();
            caller.checkpoint = checkpoint;
            caller.arguments = arguments;
            return caller.warden.authorize(caller.principal, checkpoint.action(), resource, caller);
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            failures.increment();
            LOG.error("authorization of {} at {} failed; denied", checkpoint.action(), checkpoint.where(), e);
            // what failed, and where, is in the log: the denial's message may reach a client
            return denied("Not authorized to perform: " + checkpoint.action()
                    + (resource == null ? "" : " on resource: " + resource) + " because the authorization could not "
                    + "be evaluated");
        }
    }

    private static Decision denied(String reason) {
        return new Decision(Outcome.IMPLICITLY_DENIED, List.of(), reason);
    }

    private Caller caller(Checkpoint checkpoint) throws Throwable {
        AppSpi spi = checkpoint.spi();
        Object context = spi.currentContext();
        if (context != null) {
            return new Caller(spi.principalOf(context), spi, context);
        }
        Principal principal = names.principal(source.find(checkpoint.loader()));
        return principal == null ? null : new Caller(principal, null, null);
    }

    /**
     * The call's condition keys: AWS's global keys now, the directory's keys of the caller, the keys the application
     * bound (a request's, from {@code WardenFilter}), and the checkpoint's own.
     */
    private Map<String, ContextValue> keys(Warden warden, Caller caller, Checkpoint checkpoint, Object[] arguments)
            throws Throwable {
        if (checkpoint.context().isEmpty()) {
            Map<String, ContextValue> bound = caller.bound();
            Directory snapshot = warden.directory().current();
            long second = warden.clock().instant().getEpochSecond();
            ReadyKeys cached = ready.get(caller.principal.arn());
            if (cached != null && cached.snapshot == snapshot && cached.second == second && cached.bound == bound) {
                return cached.keys;
            }
            Map<String, ContextValue> keys = directoryKeys(warden, caller.principal);
            keys.putAll(bound);
            cached = new ReadyKeys(snapshot, second, bound, AuthorizationRequest.normalizedContext(keys));
            if (ready.size() > 10_000) {
                ready.clear();
            }
            ready.put(caller.principal.arn(), cached);
            return cached.keys;
        }
        Map<String, ContextValue> keys = directoryKeys(warden, caller.principal);
        keys.putAll(caller.bound());
        for (Checkpoint.ContextKey key : checkpoint.context()) {
            keys.put(key.name(), ContextValue.of(key.value().render(arguments, caller.principal.accountId())));
        }
        return keys;
    }

    /** AWS's global keys at this instant, with the keys the directory holds for {@code principal}. */
    private Map<String, ContextValue> directoryKeys(Warden warden, Principal principal) {
        Directory snapshot = warden.directory().current();
        KnownCaller cached = known.get(principal.arn());
        if (cached == null || cached.snapshot != snapshot) {
            cached = new KnownCaller(snapshot, warden.credentials().applicationCaller(principal).keys());
            if (known.size() > 10_000) {
                known.clear();
            }
            known.put(principal.arn(), cached);
        }
        Map<String, ContextValue> keys = new HashMap<>();
        GlobalContextKeys.putInto(keys, principal, warden.clock().instant());
        keys.putAll(cached.keys);
        return keys;
    }

    @Override
    public Object capture() {
        Dispatch dispatch = Gates.dispatch();
        AppSpi[] all = spis.all();
        Object[] contexts = null;
        for (int i = 0; i < all.length; i++) {
            try {
                Object context = all[i].currentContext();
                if (context != null) {
                    if (contexts == null) {
                        contexts = new Object[all.length];
                    }
                    contexts[i] = context;
                }
            } catch (Throwable e) {
                LOG.warn("cannot read the application's RequestContext to hand it to another thread", e);
            }
        }
        return dispatch == null && contexts == null ? null : new Captured(dispatch, all, contexts);
    }

    @Override
    public Object attach(Object captured) {
        if (!(captured instanceof Captured c)) {
            return null;
        }
        Dispatch previous = Gates.setDispatch(c.dispatch);
        Object[] scopes = c.contexts == null ? null : new Object[c.contexts.length];
        if (scopes != null) {
            for (int i = 0; i < scopes.length; i++) {
                if (c.contexts[i] != null) {
                    try {
                        scopes[i] = c.spis[i].bind(c.contexts[i]);
                    } catch (Throwable e) {
                        LOG.warn("cannot bind the application's RequestContext on this thread", e);
                    }
                }
            }
        }
        return new Attached(previous, c.spis, scopes);
    }

    @Override
    public void restore(Object previous) {
        if (!(previous instanceof Attached a)) {
            return;
        }
        if (a.scopes != null) {
            for (int i = a.scopes.length - 1; i >= 0; i--) {
                if (a.scopes[i] != null) {
                    try {
                        a.spis[i].close(a.scopes[i]);
                    } catch (Throwable e) {
                        LOG.warn("cannot unbind the application's RequestContext on this thread", e);
                    }
                }
            }
        }
        Gates.setDispatch(a.previous);
    }

    /**
     * Answers a JDK {@code HttpServer} exchange with the 403 as the denial is thrown: that server sends nothing for
     * an exception escaping a handler, and handlers commonly close the exchange on the way out
     * ({@code try (exchange)}), before the dispatch's end could answer. Servlet requests are answered when the
     * denial leaves the servlet, so that the application may still handle it.
     */
    private static void answerNow(Dispatch dispatch, Decision decision) {
        if (dispatch.kind() != Dispatch.Kind.HTTP_SERVER || dispatch.deniedAnswered()) {
            return;
        }
        try {
            if (DenialResponses.answer(dispatch, decision.reason())) {
                dispatch.markDeniedAnswered();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot answer a denied exchange with 403", e);
        }
    }

    @Override
    public boolean answerDenial(Dispatch dispatch, Throwable thrown) {
        if (!denials.isDenial(thrown)) {
            return false;
        }
        if (dispatch.deniedAnswered()) {
            return true; // answered when it was thrown: nothing more to send, nothing for the server to log
        }
        // only the agent's own message: a denial the application threw may say anything
        String message = dispatch.denial() != null ? dispatch.denial() : "Access Denied";
        try {
            return DenialResponses.answer(dispatch, message);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot answer a denied request with 403", e);
            return false;
        }
    }
}
