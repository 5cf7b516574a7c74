package dev.warden.agent.bootstrap;

/** A task that runs with the request context of the thread that handed it over. */
final class CarryingRunnable implements Runnable {

    private final Runnable task;
    private final Object captured;

    CarryingRunnable(Runnable task, Object captured) {
        this.task = task;
        this.captured = captured;
    }

    @Override
    public void run() {
        Gate gate = Gates.installed();
        Object previous = gate.attach(captured);
        try {
            task.run();
        } finally {
            gate.restore(previous);
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
