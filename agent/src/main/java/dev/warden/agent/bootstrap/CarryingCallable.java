package dev.warden.agent.bootstrap;

import java.util.concurrent.Callable;

/** A task that runs with the request context of the thread that handed it over. */
final class CarryingCallable<V> implements Callable<V> {

    private final Callable<V> task;
    private final Object captured;

    CarryingCallable(Callable<V> task, Object captured) {
        this.task = task;
        this.captured = captured;
    }

    @Override
    public V call() throws Exception {
        Gate gate = Gates.installed();
        Object previous = gate.attach(captured);
        try {
            return task.call();
        } finally {
            gate.restore(previous);
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
