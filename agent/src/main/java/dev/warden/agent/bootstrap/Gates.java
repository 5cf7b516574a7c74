package dev.warden.agent.bootstrap;

import java.util.concurrent.Callable;

/**
 * The static entry points that woven code calls. Lives in the bootstrap class loader so that code in any class
 * loader (the application's, a container's, the JDK's own executors) can reach it; holds the installed {@link Gate}.
 * Until a gate is installed every check is refused: code is only woven by an agent that installs one first.
 */
public final class Gates {

    private static final Gate CLOSED = new ClosedGate();
    private static final ThreadLocal<Dispatch> DISPATCH = new ThreadLocal<>();

    private static volatile Gate gate = CLOSED;

    private Gates() {
    }

    /** Makes {@code installed} the gate every woven call goes through. */
    public static void install(Gate installed) {
        if (installed == null) {
            throw new NullPointerException("gate");
        }
        gate = installed;
    }

    /** The gate in force (the closed gate before an agent installs one). */
    public static Gate installed() {
        return gate;
    }

    /** Called on entry to an enforced method. */
    public static void check(int id, Object[] arguments) {
        gate.check(id, arguments);
    }

    /** The request this thread serves, or {@code null}. */
    public static Dispatch dispatch() {
        return DISPATCH.get();
    }

    /** Makes {@code dispatch} the request this thread serves; returns the one it replaces (usually {@code null}). */
    public static Dispatch setDispatch(Dispatch dispatch) {
        Dispatch previous = DISPATCH.get();
        if (dispatch == null) {
            DISPATCH.remove();
        } else {
            DISPATCH.set(dispatch);
        }
        return previous;
    }

    /** Called on entry to a servlet's {@code service} or a handler's {@code handle}. */
    public static Dispatch enter(Dispatch.Kind kind, Object request, Object response) {
        return setDispatch(new Dispatch(kind, request, response));
    }

    /**
     * Called when a servlet's {@code service} or a handler's {@code handle} returns or throws: restores the previous
     * dispatch and, at the outermost one, turns a denial into a 403. Returns what the method should throw.
     */
    public static Throwable exit(Dispatch previous, Throwable thrown) {
        Dispatch current = setDispatch(previous);
        if (thrown != null && previous == null && current != null) {
            try {
                if (gate.answerDenial(current, thrown)) {
                    return null;
                }
            } catch (RuntimeException | LinkageError e) {
                return thrown;
            }
        }
        return thrown;
    }

    /** {@code task}, carrying this thread's request context to the thread that will run it. */
    public static Runnable wrap(Runnable task) {
        if (task == null || task instanceof CarryingRunnable) {
            return task;
        }
        Object captured = gate.capture();
        return captured == null ? task : new CarryingRunnable(task, captured);
    }

    /** {@code task}, carrying this thread's request context to the thread that will run it. */
    public static <V> Callable<V> wrap(Callable<V> task) {
        if (task == null || task instanceof CarryingCallable) {
            return task;
        }
        Object captured = gate.capture();
        return captured == null ? task : new CarryingCallable<>(task, captured);
    }

    /** The gate before installation: refuses everything, carries nothing. */
    private static final class ClosedGate implements Gate {
        @Override
        public void check(int id, Object[] arguments) {
            throw new SecurityException("Warden agent: enforcement is not ready; call refused");
        }

        @Override
        public Object capture() {
            return null;
        }

        @Override
        public Object attach(Object captured) {
            return null;
        }

        @Override
        public void restore(Object previous) {
        }

        @Override
        public boolean answerDenial(Dispatch dispatch, Throwable thrown) {
            return false;
        }
    }
}
