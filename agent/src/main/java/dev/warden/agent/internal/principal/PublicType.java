package dev.warden.agent.internal.principal;

/**
 * Finds the public API type an object implements by name (a container's request class is often not public, and
 * reflection must go through the interface). Used for types the agent cannot link against: they live in the
 * application's or the container's class loader.
 */
public final class PublicType {

    private PublicType() {
    }

    /** The first of {@code names} that {@code type} is or extends, or {@code null}. */
    public static Class<?> find(Class<?> type, String... names) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (String name : names) {
                if (c.getName().equals(name)) {
                    return c;
                }
            }
            Class<?> found = findInterface(c.getInterfaces(), names);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Class<?> findInterface(Class<?>[] interfaces, String[] names) {
        for (Class<?> i : interfaces) {
            for (String name : names) {
                if (i.getName().equals(name)) {
                    return i;
                }
            }
            Class<?> found = findInterface(i.getInterfaces(), names);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
