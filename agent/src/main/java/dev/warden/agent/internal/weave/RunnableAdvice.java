package dev.warden.agent.internal.weave;

import dev.warden.agent.bootstrap.Gates;
import net.bytebuddy.asm.Advice;

/** On an executor's {@code execute}/{@code schedule}/{@code submit} of a {@link Runnable}: the task carries the context. */
final class RunnableAdvice {

    private RunnableAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
        task = Gates.wrap(task);
    }
}
