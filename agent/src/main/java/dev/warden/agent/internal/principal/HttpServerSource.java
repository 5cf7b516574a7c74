package dev.warden.agent.internal.principal;

import dev.warden.agent.bootstrap.Dispatch;
import dev.warden.agent.bootstrap.Gates;
import java.lang.reflect.Method;

/** The authenticated user of the JDK {@code HttpServer} exchange this thread handles: {@code getPrincipal()}. */
final class HttpServerSource implements CallerSource {

    private volatile Method getPrincipal;

    @Override
    public Object find(ClassLoader loader) throws Throwable {
        Dispatch dispatch = Gates.dispatch();
        if (dispatch == null || dispatch.kind() != Dispatch.Kind.HTTP_SERVER) {
            return null;
        }
        Method accessor = getPrincipal;
        if (accessor == null) {
            Class<?> exchange = PublicType.find(dispatch.request().getClass(), "com.sun.net.httpserver.HttpExchange");
            accessor = exchange.getMethod("getPrincipal");
            getPrincipal = accessor;
        }
        Object principal = accessor.invoke(dispatch.request());
        if (principal == null) {
            return null;
        }
        // HttpPrincipal.getName() is "realm:user" on some JDKs; getUsername() is the user everywhere
        return principal.getClass().getMethod("getUsername").invoke(principal);
    }

    @Override
    public String describe() {
        return "the HttpServer exchange has no authenticated principal";
    }
}
