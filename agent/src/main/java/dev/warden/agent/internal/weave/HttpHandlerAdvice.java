package dev.warden.agent.internal.weave;

import dev.warden.agent.bootstrap.Dispatch;
import dev.warden.agent.bootstrap.Gates;
import net.bytebuddy.asm.Advice;

/**
 * Around a JDK {@code HttpHandler.handle(HttpExchange)}: the exchange becomes the request this thread serves (the
 * {@code http-server} principal source reads it), and a denial escaping the outermost handler becomes a 403.
 */
final class HttpHandlerAdvice {

    private HttpHandlerAdvice() {
    }

    @Advice.OnMethodEnter
    static Dispatch enter(@Advice.Argument(0) Object exchange) {
        return Gates.enter(Dispatch.Kind.HTTP_SERVER, exchange, exchange);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Dispatch previous, @Advice.Thrown(readOnly = false) Throwable thrown) {
        thrown = Gates.exit(previous, thrown);
    }
}
