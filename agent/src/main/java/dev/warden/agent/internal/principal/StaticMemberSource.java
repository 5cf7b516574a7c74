package dev.warden.agent.internal.principal;

import dev.warden.agent.internal.config.PrincipalConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A static method without parameters ({@code com.example.Auth.currentUser}) or a static {@code ThreadLocal} field
 * ({@code com.example.Auth.CURRENT}) of the application, looked up in the class loader of the enforced class.
 */
final class StaticMemberSource implements CallerSource {

    private record Resolved(ClassLoader loader, Member member) {
    }

    private final PrincipalConfig config;
    private final boolean threadLocal;
    private volatile Resolved last;

    StaticMemberSource(PrincipalConfig config, boolean threadLocal) {
        this.config = config;
        this.threadLocal = threadLocal;
    }

    @Override
    public Object find(ClassLoader loader) throws Throwable {
        Resolved resolved = last;
        if (resolved == null || resolved.loader != loader) {
            resolved = new Resolved(loader, resolve(loader));
            last = resolved;
        }
        if (threadLocal) {
            Object holder = ((Field) resolved.member).get(null);
            return holder == null ? null : ((ThreadLocal<?>) holder).get();
        }
        return ((Method) resolved.member).invoke(null);
    }

    private Member resolve(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> owner = Class.forName(config.memberClass(), true, loader);
        if (threadLocal) {
            Field field = owner.getDeclaredField(config.memberName());
            if (!Modifier.isStatic(field.getModifiers()) || !ThreadLocal.class.isAssignableFrom(field.getType())) {
                throw new NoSuchFieldException(config.member() + " is not a static ThreadLocal field");
            }
            field.setAccessible(true);
            return field;
        }
        Method method = owner.getDeclaredMethod(config.memberName());
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new NoSuchMethodException(config.member() + "() is not static");
        }
        method.setAccessible(true);
        return method;
    }

    @Override
    public String describe() {
        return config.member() + (threadLocal ? " holds no caller on this thread" : "() returned no caller");
    }
}
