package dev.warden.agent.internal;

import dev.warden.agent.bootstrap.DeniedException;
import dev.warden.spi.Decision;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the exception a denial throws, in the enforced class's own terms: the configured type (Spring Security's
 * {@code AccessDeniedException}, say) when that class loader sees it, else the application's
 * {@code dev.warden.spi.AccessDeniedException}, else a {@link DeniedException} (a {@link SecurityException}).
 */
final class Denials {

    private static final Logger LOG = LoggerFactory.getLogger(Denials.class);
    private static final String SPI_DENIAL = "dev.warden.spi.AccessDeniedException";

    private final String configured;
    private final Map<ClassLoader, Constructor<?>> configuredByLoader = new ConcurrentHashMap<>();
    private final Map<ClassLoader, Boolean> reportedMissing = new ConcurrentHashMap<>();

    /** Denials throw {@code configured} (a class name with a {@code (String)} constructor), or the spi's if null. */
    Denials(String configured) {
        this.configured = configured;
    }

    /** The exception for a denial of a call at {@code checkpoint}. */
    RuntimeException of(Checkpoint checkpoint, Decision decision) {
        ClassLoader loader = checkpoint.loader();
        if (configured != null) {
            Constructor<?> constructor = configured(loader);
            if (constructor != null) {
                try {
                    return sneaky(constructor.newInstance(decision.reason()));
                } catch (ReflectiveOperationException e) { // not RuntimeException: sneaky() throws the denial
                    LOG.warn("cannot make a {} for a denial; throwing {} instead", configured, SPI_DENIAL, e);
                }
            }
        }
        AppSpi spi = checkpoint.spi();
        if (spi.present()) {
            try {
                return spi.denial(decision);
            } catch (Throwable e) {
                LOG.warn("cannot make the application's {}; throwing a SecurityException", SPI_DENIAL, e);
            }
        }
        return new DeniedException(decision.reason());
    }

    /** Whether {@code thrown}, or one of its causes, is a denial this agent threw. */
    boolean isDenial(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof DeniedException || name.equals(SPI_DENIAL) || name.equals(configured)) {
                return true;
            }
        }
        return false;
    }

    private Constructor<?> configured(ClassLoader loader) {
        ClassLoader key = loader == null ? ClassLoader.getPlatformClassLoader() : loader;
        Constructor<?> found = configuredByLoader.get(key);
        if (found != null) {
            return found;
        }
        try {
            Class<?> type = Class.forName(configured, true, loader);
            if (!Throwable.class.isAssignableFrom(type)) {
                throw new ClassCastException(configured + " is not a Throwable");
            }
            found = type.getConstructor(String.class);
            configuredByLoader.put(key, found);
            return found;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            if (reportedMissing.putIfAbsent(key, Boolean.TRUE) == null) {
                LOG.warn("denial type {} (config \"denial\") is not usable from {}: {}; throwing {} there instead",
                        configured, loader, e.toString(), SPI_DENIAL);
            }
            return null;
        }
    }

    /** Lets a checked exception type (as some frameworks' denials are) be thrown from the unchecked path. */
    private static RuntimeException sneaky(Object throwable) {
        Denials.<RuntimeException>throwAs((Throwable) throwable);
        return null; // not reached
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwAs(Throwable t) throws T {
        throw (T) t;
    }
}
