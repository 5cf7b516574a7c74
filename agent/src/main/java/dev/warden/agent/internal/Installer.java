package dev.warden.agent.internal;

import dev.warden.agent.bootstrap.Gate;
import dev.warden.agent.bootstrap.Gates;
import dev.warden.agent.internal.config.AgentConfig;
import dev.warden.agent.internal.config.PrincipalConfig;
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
 * engine's class loader): reads the config, checks the store folder and the pointcuts, opens the store, installs the
 * gate, and weaves. Every problem that can be known here (no config, a config that does not parse or is refused, a
 * store folder that is missing or no store, a pointcut that matches nothing; at an attach, a store that cannot be
 * opened) is found before anything is installed, and returned: the launcher then stops the JVM, or (failOpen, or an
 * attach) leaves it as it was. Enforcement is all or nothing, never half.
 */
public final class Installer {

    /** {@code net.bytebuddy.nexus.disabled} as the relocated Byte Buddy reads it (the application's is untouched). */
    private static final String NEXUS_DISABLED = net.bytebuddy.dynamic.Nexus.class.getPackageName().replace(
            ".dynamic", "") + ".nexus.disabled";

    private Installer() {
    }

    /**
     * Installs the agent, unless something keeps it from enforcing as configured.
     *
     * @return what is wrong, one line each, precisely (the file and a JSON pointer or line and column); nothing was
     *     installed then. Empty when the agent enforces.
     */
    public static List<String> install(Instrumentation instrumentation, String options, Path agentJar,
                                       boolean attached) {
        long start = System.nanoTime();
        Gate running = Gates.installed();
        if (running.getClass().getName().equals(EnforcingGate.class.getName())) {
            String message = "the Warden agent is already running in this JVM; restart it to change the agent's "
                    + "configuration";
            if (attached) {
                return List.of(message);
            }
            AgentLog.warn(message);
            return List.of();
        }
        // Byte Buddy's Nexus (for initializers of generated classes) is not used here, and costs start-up time
        System.setProperty(NEXUS_DISABLED, "true");
        // logging starts here, not on the store's thread at the same time (SLF4J would warn about replayed calls)
        org.slf4j.LoggerFactory.getILoggerFactory();
        List<String> problems = new ArrayList<>();
        AgentConfig config = ConfigCheck.config(options, problems);
        if (config == null || ConfigCheck.storeFolderProblem(config.store(), problems)) {
            return problems;
        }
        AgentLog.verbose(config.verbose());
        problems.addAll(PointcutCheck.problems(config, ClassLoader.getSystemClassLoader()));
        if (!problems.isEmpty()) {
            return problems;
        }
        Path store = config.store();
        Engine engine;
        if (attached) {
            Engine.State opened = openStore(store);
            if (opened.problem() != null) {
                return List.of(opened.problem());
            }
            engine = Engine.of(opened);
        } else {
            // the store loads while the classes are woven and the application starts; a store that fails to load
            // then leaves every enforced method denying (the config is known: they are all woven)
            engine = Engine.inBackground(() -> reported(openStore(store)));
        }
        MeterRegistry registry = Metrics.globalRegistry;
        Checkpoints checkpoints = new Checkpoints();
        SpiRegistry spis = new SpiRegistry();
        PrincipalConfig principal = config.principal();
        EnforcingGate gate = new EnforcingGate(engine, checkpoints, spis, CallerSource.of(principal),
                new CallerNames(principal.arnTemplate()), new Denials(config.denial()), registry);
        Gates.install(gate);

        // servlet and HttpServer dispatch are woven whatever the principal source: a denial escaping a request is
        // then answered 403, never an empty reply or a 500
        WeavePlan plan = new WeavePlan(config.pointcuts(), true,
                new CheckpointFactory(new TemplateCompiler(config.region(), config.partition()), checkpoints), spis);
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
        AgentLog.info("enforcing with store " + store + " (principal source " + principal.source().json() + ", "
                + config.pointcuts().size() + " pointcuts, " + checkpoints.size() + " methods enforced so far, "
                + rewoven + " loaded classes rewoven) in " + millis + " ms");
        return List.of();
    }

    /** {@code state}, its problem said on standard error: a store that failed to load while the application ran. */
    private static Engine.State reported(Engine.State state) {
        if (state.problem() != null) {
            AgentLog.error(state.problem());
            AgentLog.error("every @Authorize method and pointcut is DENIED until this is fixed and the JVM restarted");
        }
        return state;
    }

    /** Opens the store and says how it went: a Warden, or the problem that leaves none. */
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
            return new Engine.State(null, "store " + store.toAbsolutePath() + ": cannot be opened: " + e.getMessage());
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
