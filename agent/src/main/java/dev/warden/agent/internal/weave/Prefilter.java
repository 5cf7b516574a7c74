package dev.warden.agent.internal.weave;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * The transformer the JVM calls for every class: dismisses, from the bytes alone, every class the plan cannot want
 * (most of them), and hands the rest to Byte Buddy. Classes it dismisses are left exactly as they were. A woven class
 * in a named module (the JDK's executors in {@code java.base}) is first made to read the bootstrap bridge.
 */
public final class Prefilter implements ClassFileTransformer {

    private final WeavePlan plan;
    private final ClassFileTransformer weaver;
    private final Instrumentation instrumentation;
    private final ClassLoader agentLoader;
    private final Module bridge;

    public Prefilter(WeavePlan plan, ClassFileTransformer weaver, Instrumentation instrumentation, Module bridge) {
        this.plan = plan;
        this.weaver = weaver;
        this.instrumentation = instrumentation;
        this.agentLoader = Prefilter.class.getClassLoader();
        this.bridge = bridge;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) throws IllegalClassFormatException {
        if (name == null || loader == agentLoader || name.startsWith("dev/warden/agent/bootstrap/")
                || !plan.mayWeave(name, bytes)) {
            return null;
        }
        if (module != null && module.isNamed() && !module.canRead(bridge)) {
            instrumentation.redefineModule(module, Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of());
        }
        return weaver.transform(module, loader, name, redefined, domain, bytes);
    }
}
