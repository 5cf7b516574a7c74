package dev.warden.agent.internal.template;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Reads one property of the objects a template meets: {@code getName()}, {@code isName()}, {@code name()} (a record
 * component) or a field {@code name}. Remembers the accessor for the last class seen, which is almost always the
 * class seen next.
 */
final class Property {

    /** The accessor for one class, as a handle typed {@code (Object)Object} so that calls are {@code invokeExact}. */
    private record Accessor(Class<?> type, MethodHandle handle) {
    }

    private final String name;
    private volatile Accessor last;

    Property(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    Object read(Object target) {
        Class<?> type = target.getClass();
        Accessor accessor = last;
        if (accessor == null || accessor.type != type) {
            accessor = new Accessor(type, handle(type, find(type, name)));
            last = accessor;
        }
        try {
            return (Object) accessor.handle.invokeExact(target);
        } catch (RuntimeException | Error e) {
            throw new RenderException("reading property '" + name + "' of " + type.getName() + " failed", e);
        } catch (Throwable e) {
            throw new RenderException("reading property '" + name + "' of " + type.getName() + " failed", e);
        }
    }

    private MethodHandle handle(Class<?> type, AccessibleObject member) {
        try {
            MethodHandle handle = member instanceof Method m ? MethodHandles.lookup().unreflect(m)
                    : MethodHandles.lookup().unreflectGetter((Field) member);
            return handle.asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new RenderException("property '" + name + "' of " + type.getName() + " cannot be read", e);
        }
    }

    /** The accessor of property {@code name} on {@code type}, made accessible. */
    static AccessibleObject find(Class<?> type, String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (String candidate : new String[] {"get" + capitalized, "is" + capitalized, name}) {
                try {
                    Method m = c.getDeclaredMethod(candidate);
                    if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class
                            && (m.trySetAccessible() || Modifier.isPublic(m.getModifiers()))) {
                        return m;
                    }
                } catch (NoSuchMethodException ignored) {
                    // try the next spelling
                }
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                if (!Modifier.isStatic(f.getModifiers()) && f.trySetAccessible()) {
                    return f;
                }
            } catch (NoSuchFieldException ignored) {
                // look in the superclass
            }
        }
        try {
            Method m = type.getMethod("get" + capitalized); // a public interface default or inherited method
            return m;
        } catch (NoSuchMethodException e) {
            throw new RenderException(type.getName() + " has no property '" + name + "' (no get" + capitalized
                    + "(), is" + capitalized + "(), " + name + "() or field " + name + ")", null);
        }
    }
}
