package dev.warden.agent.internal.weave;

import dev.warden.agent.bootstrap.Gates;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of every enforced method: one static call with the checkpoint id and the arguments. Only
 * bootstrap types may appear here: the code runs in the application's class loader.
 */
final class EnforceAdvice {

    private EnforceAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@CheckpointId int id, @Advice.AllArguments Object[] arguments) {
        Gates.check(id, arguments);
    }
}
