package dev.warden.agent.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The application class loaders that hold enforced classes, and the spi each one sees. Loaders are registered while
 * their classes are woven (when no class may be loaded) and resolved at first use; {@link #all()} is read for every
 * task handed to an executor, so it returns a ready array.
 */
public final class SpiRegistry {

    private final Map<ClassLoader, AppSpi> byLoader = new WeakHashMap<>();
    private final List<ClassLoader> pending = new ArrayList<>();
    private volatile AppSpi[] resolved = new AppSpi[0];
    private volatile boolean hasPending;

    /** Remembers {@code loader} (may be {@code null}, the bootstrap loader: it sees no spi). */
    public synchronized void register(ClassLoader loader) {
        if (loader != null && !byLoader.containsKey(loader) && !pending.contains(loader)) {
            pending.add(loader);
            hasPending = true;
        }
    }

    /** The spi {@code loader} sees. */
    synchronized AppSpi of(ClassLoader loader) {
        if (loader == null) {
            return AppSpi.NONE;
        }
        resolvePending();
        AppSpi spi = byLoader.get(loader);
        if (spi == null) {
            spi = AppSpi.of(loader);
            byLoader.put(loader, spi);
            publish();
        }
        return spi;
    }

    /** Every spi that is present in some registered loader. */
    AppSpi[] all() {
        if (hasPending) {
            synchronized (this) {
                resolvePending();
            }
        }
        return resolved;
    }

    private void resolvePending() {
        if (pending.isEmpty()) {
            return;
        }
        for (ClassLoader loader : pending) {
            byLoader.computeIfAbsent(loader, AppSpi::of);
        }
        pending.clear();
        hasPending = false;
        publish();
    }

    private void publish() {
        // one AppSpi per distinct spi: loaders that delegate to the same parent share the parent's RequestContext
        List<AppSpi> present = new ArrayList<>();
        for (AppSpi spi : byLoader.values()) {
            if (spi.present() && present.stream().noneMatch(p -> p.sameTypesAs(spi))) {
                present.add(spi);
            }
        }
        resolved = present.toArray(AppSpi[]::new);
    }

    @Override
    public synchronized String toString() {
        return "SpiRegistry" + Arrays.toString(resolved);
    }
}
