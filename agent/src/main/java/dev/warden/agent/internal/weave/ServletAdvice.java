package dev.warden.agent.internal.weave;

import dev.warden.agent.bootstrap.Dispatch;
import dev.warden.agent.bootstrap.Gates;
import net.bytebuddy.asm.Advice;

/**
 * Around {@code HttpServlet.service(ServletRequest, ServletResponse)} (jakarta and javax): the request becomes the
 * one this thread serves (the {@code servlet} principal source reads its user), and a denial escaping the outermost
 * servlet becomes a 403 while the response is not committed.
 */
final class ServletAdvice {

    private ServletAdvice() {
    }

    @Advice.OnMethodEnter
    static Dispatch enter(@Advice.Argument(0) Object request, @Advice.Argument(1) Object response) {
        return Gates.enter(Dispatch.Kind.SERVLET, request, response);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Dispatch previous, @Advice.Thrown(readOnly = false) Throwable thrown) {
        thrown = Gates.exit(previous, thrown);
    }
}
