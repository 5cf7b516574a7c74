package dev.warden.agent.internal;

import dev.warden.agent.bootstrap.Gate;
import dev.warden.agent.bootstrap.Gates;
import dev.warden.agent.internal.config.AgentConfig;
import dev.warden.agent.internal.config.PrincipalConfig;
import dev.warden.agent.internal.config.PrincipalSource;
import dev.warden.agent.internal.principal.CallerNames;
import dev.warden.agent.internal.principal.CallerSource;
import dev.warden.agent.internal.template.TemplateCompiler;
import dev.warden.agent.internal.weave.CheckpointFactory;
import dev.warden.agent.internal.weave.LoadedClasses;
import dev.warden.agent.internal.weave.Prefilter;
import dev.warden.agent.internal.weave.WeavePlan;
import dev.warden.core.Warden;
import dev.warden.core.iam.StoreDocumentException;
import dev.warden.core.store.FileDirectoryStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * Starts the agent inside the application's JVM (called by {@code dev.warden.agent.WardenAgent}, through the
 * engine's class loader): reads the config, opens the store, installs the gate, and weaves. Whatever is wrong (no
 * config, a config that does not parse, a pointcut that matches nothing, a missing or broken store) is said on
 * standard error at once, and the agent still weaves everything it can find with a gate that denies every call:
 * enforcement fails closed, it never lets calls through unchecked.
 */
public final class Installer {

    /** {@code net.bytebuddy.nexus.disabled} as the relocated Byte Buddy reads it (the application's is untouched). */
    private static final String NEXUS_DISABLED = net.bytebuddy.dynamic.Nexus.class.getPackageName().replace(
            ".dynamic", "") + ".nexus.disabled";

    private Installer() {
    }

    /**
     * Installs the agent.
     *
     * @throws IllegalStateException after an attach ({@code attached}) that found a problem, so that the
     *     {@code attach} command fails; enforcement is in place (closed) all the same
     */
    public static void install(Instrumentation instrumentation, String options, Path agentJar, boolean attached) {
        long start = System.nanoTime();
        Gate running = Gates.installed();
        if (running.getClass().getName().equals(EnforcingGate.class.getName())) {
            String message = "the Warden agent is already running in this JVM; restart it to change the agent's "
                    + "configuration";
            AgentLog.warn(message);
            if (attached) {
                throw new IllegalStateException(message);
            }
            return;
        }
        // Byte Buddy's Nexus (for initializers of generated classes) is not used here, and costs start-up time
        System.setProperty(NEXUS_DISABLED, "true");
        // logging starts here, not on the store's thread at the same time (SLF4J would warn about replayed calls)
        org.slf4j.LoggerFactory.getILoggerFactory();
        List<String> problems = new ArrayList<>();
        AgentConfig config = ConfigCheck.config(options, problems);
        Engine engine = null;
        if (config != null) {
            AgentLog.verbose(config.verbose());
            ConfigCheck.storeFolderProblem(config.store(), problems);
            if (problems.isEmpty() && !attached) {
                // the store loads while the pointcuts are checked, the classes woven and the application starts
                Path store = config.store();
                engine = Engine.inBackground(() -> openStore(store));
            }
            problems.addAll(PointcutCheck.problems(config, ClassLoader.getSystemClassLoader()));
        }
        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        if (problem != null) {
            engine = Engine.of(new Engine.State(null, problem)); // a store still loading is not used
        } else if (attached) {
            engine = Engine.of(openStore(config.store()));
        }
        MeterRegistry registry = Metrics.globalRegistry;
        Checkpoints checkpoints = new Checkpoints();
        SpiRegistry spis = new SpiRegistry();
        PrincipalConfig principal = config == null ? PrincipalConfig.requestContextOnly() : config.principal();
        EnforcingGate gate = new EnforcingGate(engine, checkpoints, spis, CallerSource.of(principal),
                new CallerNames(principal.arnTemplate()), new Denials(config == null ? null : config.denial()),
                registry);
        Gates.install(gate);

        TemplateCompiler compiler = config == null ? new TemplateCompiler("us-east-1", "aws")
                : new TemplateCompiler(config.region(), config.partition());
        WeavePlan plan = new WeavePlan(config == null ? List.of() : config.pointcuts(),
                principal.source() == PrincipalSource.SERVLET, principal.source() == PrincipalSource.HTTP_SERVER,
                true, new CheckpointFactory(compiler, checkpoints), spis);
        java.lang.instrument.ClassFileTransformer weaver = new AgentBuilder.Default(
                new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .ignore(ElementMatchers.none())
                .with(new WeaveErrors())
                .type(plan)
                .transform(plan)
                .makeRaw();
        instrumentation.addTransformer(new Prefilter(plan, weaver, instrumentation, Gates.class.getModule()), true);
        int rewoven = LoadedClasses.weave(instrumentation, plan);

        long millis = (System.nanoTime() - start) / 1_000_000;
        if (problem == null) {
            AgentLog.info("enforcing with store " + config.store() + " (principal source " + principal.source().json()
                    + ", " + config.pointcuts().size() + " pointcuts, " + checkpoints.size()
                    + " methods enforced so far, " + rewoven + " loaded classes rewoven) in " + millis + " ms");
            if (attached && engine.get().problem() != null) {
                throw new IllegalStateException(engine.get().problem());
            }
        } else {
            AgentLog.error(problem);
            if (config == null) {
                AgentLog.error("every @Authorize method is DENIED until this is fixed and the JVM restarted; the "
                        + "config's pointcuts could not be read, so methods named only by a pointcut are NOT enforced");
            } else {
                AgentLog.error("every @Authorize method and pointcut is DENIED until this is fixed and the JVM "
                        + "restarted");
            }
            if (attached) {
                throw new IllegalStateException(problem);
            }
        }
    }

    /** Opens the store and says how it went: a Warden, or the problem that leaves every call denied. */
    private static Engine.State openStore(Path store) {
        long start = System.nanoTime();
        try {
            Warden warden = Warden.builder()
                    .store(FileDirectoryStore.open(store))
                    .audit(true, 0)
                    .serviceLoaderListeners(false)
                    .classLoader(Installer.class.getClassLoader())
                    .build();
            for (StoreDocumentException e : warden.directory().current().rejected().values()) {
                AgentLog.warn("store document rejected (its principal holds no policies from it): " + e.getMessage());
            }
            AgentLog.info("store " + store + " loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            return new Engine.State(warden, null);
        } catch (IOException | RuntimeException e) {
            String problem = "store " + store.toAbsolutePath() + ": cannot be opened: " + e.getMessage();
            AgentLog.error(problem);
            AgentLog.error("every @Authorize method and pointcut is DENIED until this is fixed and the JVM restarted");
            return new Engine.State(null, problem);
        }
    }

    /** Says which classes could not be woven: their methods are not enforced. */
    private static final class WeaveErrors extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            AgentLog.error("cannot weave " + typeName + ": " + throwable + "; calls to it are NOT enforced");
        }
    }
}
