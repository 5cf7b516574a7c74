package dev.warden.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class RequestContextScopeTest {

    private static final RequestContext ALICE = new RequestContext(
            Principal.of("arn:aws:iam::111122223333:user/alice"), Map.of("aws:SourceIp", ContextValue.of("10.0.0.1")),
            "REQ1");
    private static final RequestContext BOB = new RequestContext(
            Principal.of("arn:aws:iam::111122223333:user/bob"), Map.of(), "REQ2");

    @Test
    void aBoundContextIsCurrentUntilItsScopeCloses() {
        assertThat(RequestContext.current()).isEmpty();
        try (RequestContext.Scope ignored = RequestContext.bind(ALICE)) {
            assertThat(RequestContext.current()).contains(ALICE);
        }
        assertThat(RequestContext.current()).isEmpty();
    }

    @Test
    void nestedScopesRestoreTheOuterContext() {
        try (RequestContext.Scope outer = RequestContext.bind(ALICE)) {
            try (RequestContext.Scope inner = RequestContext.bind(BOB)) {
                assertThat(RequestContext.current()).contains(BOB);
            }
            assertThat(RequestContext.current()).contains(ALICE);
        }
        assertThat(RequestContext.current()).isEmpty();
    }

    @Test
    void closingScopesOutOfOrderLeavesNoPrincipalBehind() {
        RequestContext.Scope outer = RequestContext.bind(ALICE);
        RequestContext.Scope inner = RequestContext.bind(BOB);
        outer.close();
        assertThat(RequestContext.current()).isEmpty();
        inner.close();
        assertThat(RequestContext.current()).isEmpty();
    }

    @Test
    void wrappedTasksRunWithTheContextOfTheThreadThatWrappedThem() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Callable<String> task;
            Runnable plain;
            String[] seenByRunnable = new String[1];
            try (RequestContext.Scope ignored = RequestContext.bind(ALICE)) {
                task = RequestContext.wrap(() -> RequestContext.current().map(c -> c.principal().name()).orElse("none"));
                plain = RequestContext.wrap((Runnable) () -> seenByRunnable[0] = RequestContext.current()
                        .map(RequestContext::requestId).orElse("none"));
            }
            assertThat(pool.submit(task).get()).isEqualTo("alice");
            pool.submit(plain).get();
            assertThat(seenByRunnable[0]).isEqualTo("REQ1");
            assertThat(pool.submit(() -> RequestContext.current().isPresent()).get())
                    .as("the pool thread keeps nothing after the task").isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wrappingWithoutAContextChangesNothing() {
        Runnable task = () -> { };
        assertThat(RequestContext.wrap(task)).isSameAs(task);
    }
}
