package dev.warden.agent.internal;

import dev.warden.core.Warden;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The Warden the gate decides with, or why there is none. At JVM start it is opened on a thread of its own while
 * the application starts (loading a directory takes a while, and the application's own start-up has work to do
 * too); a check made before it is ready waits for it, and denies if it is not ready in a minute.
 */
final class Engine {

    /** A Warden, or the problem that left none. */
    record State(Warden warden, String problem) {
    }

    private static final long WAIT_SECONDS = 60;

    private final CompletableFuture<State> opening;
    private volatile State ready;

    private Engine(CompletableFuture<State> opening) {
        this.opening = opening;
    }

    /** An engine in {@code state} already. */
    static Engine of(State state) {
        Engine engine = new Engine(CompletableFuture.completedFuture(state));
        engine.ready = state;
        return engine;
    }

    /** An engine opened by {@code open} on a daemon thread. */
    static Engine inBackground(Supplier<State> open) {
        CompletableFuture<State> opening = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                opening.complete(open.get());
            } catch (RuntimeException | Error e) {
                opening.complete(new State(null, "the store could not be opened: " + e));
            }
        }, "warden-agent-store");
        thread.setDaemon(true);
        thread.start();
        return new Engine(opening);
    }

    /** The state, waiting for it while it is being opened. */
    State get() {
        State state = ready;
        if (state != null) {
            return state;
        }
        try {
            state = opening.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new State(null, "the store is still loading after " + WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new State(null, "interrupted while waiting for the store to load");
        } catch (ExecutionException e) {
            state = new State(null, "the store could not be opened: " + e.getCause());
        }
        ready = state;
        return state;
    }
}
