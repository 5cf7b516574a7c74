package dev.warden.agent.internal.weave;

import dev.warden.agent.internal.AgentLog;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

/**
 * Weaves classes that were loaded before the agent started (all of them, after an attach): picks them by
 * reflection and retransforms them, so their next call is enforced. A class that cannot be retransformed is named
 * in the log: its methods are not enforced.
 */
public final class LoadedClasses {

    private static final int BATCH = 64;

    private LoadedClasses() {
    }

    /** Retransforms the loaded classes {@code plan} may want; returns how many were retransformed. */
    public static int weave(Instrumentation instrumentation, WeavePlan plan) {
        ClassLoader agentLoader = LoadedClasses.class.getClassLoader();
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getClassLoader() != agentLoader && instrumentation.isModifiableClass(type)
                    && plan.mayWeave(type)) {
                candidates.add(type);
            }
        }
        int done = 0;
        for (int i = 0; i < candidates.size(); i += BATCH) {
            List<Class<?>> batch = candidates.subList(i, Math.min(candidates.size(), i + BATCH));
            try {
                instrumentation.retransformClasses(batch.toArray(Class<?>[]::new));
                done += batch.size();
            } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                for (Class<?> type : batch) {
                    try {
                        instrumentation.retransformClasses(type);
                        done++;
                    } catch (UnmodifiableClassException | RuntimeException | LinkageError single) {
                        AgentLog.error("cannot weave the loaded class " + type.getName() + ": " + single
                                + "; calls to it are NOT enforced");
                    }
                }
            }
        }
        return done;
    }
}
