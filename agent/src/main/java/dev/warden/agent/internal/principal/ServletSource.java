package dev.warden.agent.internal.principal;

import dev.warden.agent.bootstrap.Dispatch;
import dev.warden.agent.bootstrap.Gates;
import java.lang.reflect.Method;

/** The user of the servlet request this thread serves: {@code getUserPrincipal()}, else {@code getRemoteUser()}. */
final class ServletSource implements CallerSource {

    private record Accessors(Class<?> type, Method userPrincipal, Method remoteUser) {
    }

    private volatile Accessors last;

    @Override
    public Object find(ClassLoader loader) throws Throwable {
        Dispatch dispatch = Gates.dispatch();
        if (dispatch == null || dispatch.kind() != Dispatch.Kind.SERVLET) {
            return null;
        }
        Object request = dispatch.request();
        Accessors accessors = last;
        if (accessors == null || accessors.type != request.getClass()) {
            Class<?> api = PublicType.find(request.getClass(), "jakarta.servlet.http.HttpServletRequest",
                    "javax.servlet.http.HttpServletRequest");
            if (api == null) {
                return null; // a plain ServletRequest carries no user
            }
            accessors = new Accessors(request.getClass(), api.getMethod("getUserPrincipal"),
                    api.getMethod("getRemoteUser"));
            last = accessors;
        }
        Object user = accessors.userPrincipal.invoke(request);
        return user != null ? user : accessors.remoteUser.invoke(request);
    }

    @Override
    public String describe() {
        return "the servlet request has no user (getUserPrincipal() and getRemoteUser() are null)";
    }
}
