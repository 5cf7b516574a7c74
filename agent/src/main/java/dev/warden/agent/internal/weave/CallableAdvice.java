package dev.warden.agent.internal.weave;

import dev.warden.agent.bootstrap.Gates;
import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/** On an executor's {@code schedule}/{@code submit} of a {@link Callable}: the task carries the context. */
final class CallableAdvice {

    private CallableAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
        task = Gates.wrap(task);
    }
}
