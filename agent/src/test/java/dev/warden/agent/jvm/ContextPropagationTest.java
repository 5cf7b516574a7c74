package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapp.PropagationApp;

/**
 * The {@code RequestContext} bound where a task is handed over follows it to the thread that runs it (executors,
 * the scheduler, {@code CompletableFuture}), and only for that task: a pool thread holds no principal afterwards.
 * Alice may call {@code getOrder}; a task that ran without her context would be denied for no principal.
 */
class ContextPropagationTest {

    @TempDir
    static Path dir;

    private static ChildJvm.Finished app;

    @BeforeAll
    static void runTheApplication() throws Exception {
        StoreFixture.aliceGetsOrdersBobNothing(dir.resolve("store"));
        Path config = Files.writeString(dir.resolve("agent.json"), """
                {"store": "store"}""");
        // with a parallelism of 1 (a machine with 1 or 2 CPUs) supplyAsync would start a thread per task instead of
        // using the common pool: fixed, so that every machine tests the common pool
        app = ChildJvm.java().agent(config).options("-Djava.util.concurrent.ForkJoinPool.common.parallelism=4")
                .applicationClassPath().run(PropagationApp.class);
        assertThat(app.exitCode()).as(app::toString).isZero();
    }

    /** Allowed, and on another thread than main: the task really ran elsewhere, with alice's context. */
    private static void allowedOnAnotherThread(String step) {
        assertThat(app.outcome(step)).startsWith("allowed on ").doesNotEndWith(" on main");
    }

    @Test
    void theContextFollowsExecutorServiceSubmit() {
        allowedOnAnotherThread("submit callable");
        allowedOnAnotherThread("submit runnable");
    }

    @Test
    void theContextFollowsExecute() {
        allowedOnAnotherThread("execute");
    }

    @Test
    void theContextFollowsScheduledExecutorServiceSchedule() {
        allowedOnAnotherThread("schedule");
    }

    @Test
    void theContextFollowsCompletableFutureSupplyAsync() {
        allowedOnAnotherThread("supplyAsync default pool");
        assertThat(app.outcome("supplyAsync default pool")).contains(" on ForkJoinPool.commonPool-worker-");
        allowedOnAnotherThread("supplyAsync given executor");
    }

    @Test
    void aPoolThreadForgetsTheContextOfTheTaskItRan() {
        String alices = app.outcome("submit on single thread");
        assertThat(alices).startsWith("allowed on ");
        String thread = alices.substring("allowed on ".length());

        assertThat(app.outcome("unbound submit on alice's thread")).startsWith(
                "threw dev.warden.spi.AccessDeniedException: User: anonymous is not authorized to perform: "
                        + "orders:GetOrder").contains("made for no principal").endsWith(" on " + thread);
        assertThat(app.outcome("unbound submit on alice's thread sees context")).isEqualTo("none");
    }
}
