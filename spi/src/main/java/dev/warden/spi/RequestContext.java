package dev.warden.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The request being served on this thread: who makes it and the condition keys it carries. {@code WardenFilter}
 * binds one for every request it lets through; an application with its own entry points (a message listener, a
 * scheduled job) binds one itself. Method-level checks ({@link Authorize}) read it to know whom to authorize.
 *
 * <pre>{@code
 * try (RequestContext.Scope scope = RequestContext.bind(new RequestContext(principal, keys, requestId))) {
 *     orders.getOrder(id);   // @Authorize checks run as principal
 * }
 * }</pre>
 *
 * <p>A context does not follow work to other threads by itself: hand tasks over with {@link #wrap(Runnable)} and
 * {@link #wrap(Callable)} (the Warden agent does this for executors and {@code CompletableFuture}s).
 *
 * @param principal who makes the request
 * @param contextKeys the request's condition keys by AWS name ({@code aws:SourceIp}, {@code aws:PrincipalTag/team},
 *     ...), for checks made while serving it
 * @param requestId the request's id, as reported in error bodies and logs
 */
public record RequestContext(Principal principal, Map<String, ContextValue> contextKeys, String requestId) {

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    public RequestContext {
        Objects.requireNonNull(principal, "principal");
        contextKeys = contextKeys == null ? Map.of() : Map.copyOf(contextKeys);
        Objects.requireNonNull(requestId, "requestId");
    }

    /** The context bound to this thread, if any. */
    public static Optional<RequestContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Binds {@code context} to this thread until the returned scope is closed, which restores what was bound before
     * (scopes nest).
     */
    public static Scope bind(RequestContext context) {
        Objects.requireNonNull(context, "context");
        RequestContext previous = CURRENT.get();
        CURRENT.set(context);
        return new Scope(context, previous);
    }

    /** {@code task}, run with the context that is current now (or with none, if none is). */
    public static Runnable wrap(Runnable task) {
        RequestContext captured = CURRENT.get();
        if (captured == null) {
            return task;
        }
        return () -> {
            try (Scope ignored = bind(captured)) {
                task.run();
            }
        };
    }

    /** {@code task}, run with the context that is current now (or with none, if none is). */
    public static <V> Callable<V> wrap(Callable<V> task) {
        RequestContext captured = CURRENT.get();
        if (captured == null) {
            return task;
        }
        return () -> {
            try (Scope ignored = bind(captured)) {
                return task.call();
            }
        };
    }

    /** Undoes one {@link #bind}. Close it on the thread that bound it. */
    public static final class Scope implements AutoCloseable {
        private final RequestContext bound;
        private final RequestContext previous;
        private boolean closed;

        private Scope(RequestContext bound, RequestContext previous) {
            this.bound = bound;
            this.previous = previous;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (CURRENT.get() != bound) {
                // closed out of order or on another thread: never leave a stale principal behind
                CURRENT.remove();
                return;
            }
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
