package testapp;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Uses an unenforced class, an annotated one, a pointcut's and an executor, as alice. */
public final class UntouchedApp {

    private UntouchedApp() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Steps.as("alice", () -> {
                Steps.step("plain later", () -> new Plain().later(() -> { }));
                Steps.step("getOrder 7", () -> new Orders().getOrder("7"));
                Steps.step("reserve pen", () -> new Inventory().reserve("pen"));
                Steps.step("pool submit", () -> pool.submit(() -> new Orders().getOrder("8")).get());
            });
        } finally {
            pool.shutdownNow();
        }
    }
}
