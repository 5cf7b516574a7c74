package testapp;

import dev.warden.spi.RequestContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands calls of {@link Orders#getOrder} to other threads while alice's {@code RequestContext} is bound on the main
 * thread, one way per step; then submits a task with nothing bound to the pool thread that ran one of hers.
 */
public final class PropagationApp {

    private static final Orders ORDERS = new Orders();

    private PropagationApp() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            Steps.as("alice", () -> {
                try {
                    asAlice(pool, scheduler, single);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // nothing is bound here: the single thread ran alice's task, and must have forgotten her
            Steps.print("unbound submit on alice's thread", single.submit(PropagationApp::call).get());
            Steps.print("unbound submit on alice's thread sees context", single.submit(PropagationApp::bound).get());
        } finally {
            pool.shutdownNow();
            scheduler.shutdownNow();
            single.shutdownNow();
        }
    }

    private static void asAlice(ExecutorService pool, ScheduledExecutorService scheduler, ExecutorService single)
            throws Exception {
        Steps.print("submit callable", pool.submit(PropagationApp::call).get());
        AtomicReference<String> fromRunnable = new AtomicReference<>();
        pool.submit(() -> fromRunnable.set(call())).get();
        Steps.print("submit runnable", fromRunnable.get());
        CompletableFuture<String> executed = new CompletableFuture<>();
        pool.execute(() -> executed.complete(call()));
        Steps.print("execute", executed.get(30, TimeUnit.SECONDS));
        Steps.print("schedule", scheduler.schedule(PropagationApp::call, 10, TimeUnit.MILLISECONDS).get());
        Steps.print("supplyAsync default pool", CompletableFuture.supplyAsync(PropagationApp::call).get());
        Steps.print("supplyAsync given executor", CompletableFuture.supplyAsync(PropagationApp::call, pool).get());
        Steps.print("submit on single thread", single.submit(PropagationApp::call).get());
    }

    private static String call() {
        return Steps.attempt(() -> ORDERS.getOrder("7")) + " on " + Thread.currentThread().getName();
    }

    private static String bound() {
        return RequestContext.current().map(c -> c.principal().arn()).orElse("none");
    }
}
