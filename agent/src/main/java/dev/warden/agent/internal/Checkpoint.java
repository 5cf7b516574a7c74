package dev.warden.agent.internal;

import dev.warden.agent.internal.template.Template;
import java.lang.ref.WeakReference;
import java.util.List;

/**
 * One enforced method: what to check when it is called. Made when its class is woven; a checkpoint whose templates
 * could not be compiled carries the {@code problem} and denies every call.
 */
public final class Checkpoint {

    /** An extra condition key and its template. */
    public record ContextKey(String name, Template value) {
    }

    private final String where;
    private final String action;
    private final Template resource;
    private final List<ContextKey> context;
    private final String problem;
    private final WeakReference<ClassLoader> loader;
    private volatile AppSpi spi;

    public Checkpoint(String where, String action, Template resource, List<ContextKey> context, String problem,
               ClassLoader loader) {
        this.where = where;
        this.action = action;
        this.resource = resource;
        this.context = List.copyOf(context);
        this.problem = problem;
        this.loader = new WeakReference<>(loader);
    }

    /** {@code OrderService.getOrder(String id)}. */
    String where() {
        return where;
    }

    String action() {
        return action;
    }

    Template resource() {
        return resource;
    }

    List<ContextKey> context() {
        return context;
    }

    /** Why this checkpoint denies every call, or {@code null}. */
    String problem() {
        return problem;
    }

    ClassLoader loader() {
        return loader.get();
    }

    /** The spi the enforced class sees, resolved at the first call. */
    AppSpi spi() {
        AppSpi resolved = spi;
        if (resolved == null) {
            resolved = AppSpi.of(loader.get());
            spi = resolved;
        }
        return resolved;
    }
}
