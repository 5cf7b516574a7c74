package dev.warden.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * The agent's entry points: {@code -javaagent:warden-agent.jar=config=FILE} ({@link #premain}), dynamic attach
 * ({@link #agentmain}), and {@code java -jar warden-agent.jar attach PID config=FILE | list} ({@link #main}).
 *
 * <p>This class is loaded by the application's system class loader, so it stays small and touches no library: it
 * appends the agent jar to the bootstrap search path (for {@code dev.warden.agent.bootstrap}, which woven code in any
 * class loader must reach), opens the nested jar of the engine in a class loader of its own, and hands over to the
 * installer there. The engine's classes (and its Byte Buddy, Jackson, Caffeine, Micrometer) are never visible to
 * the application.
 *
 * <p>The agent enforces fully or not at all. At start-up, whatever keeps it from enforcing as configured (no config,
 * one that cannot be read, parsed or used, a missing store folder, a pointcut that matches nothing, a damaged jar)
 * stops the JVM with exit code {@value #REFUSED_EXIT_CODE} and the reason on standard error, unless
 * {@code failOpen=true} asks for the JVM to start without enforcement. An attach that finds a problem installs
 * nothing and says why in {@link AgentState}, for the {@code attach} command to print.
 */
public final class WardenAgent {

    /** The exit code of a JVM the agent refused to start. */
    static final int REFUSED_EXIT_CODE = 1;

    private static final String INSTALLER = "dev.warden.agent.internal.Installer";
    private static final String PREFIX = "[warden-agent] ";
    static final String INSTALL_FAILED = "the agent failed while installing itself: ";

    /**
     * The launcher's helpers, loaded with this class by the application's loader: once the agent jar is on the
     * bootstrap search path, a first use of them would load them there, in another runtime package than this class.
     */
    private static final List<Class<?>> HELPERS = List.of(AgentState.class, FailOpen.class, InternalJar.class);

    private WardenAgent() {
    }

    /** Called by the JVM before {@code main} for {@code -javaagent:warden-agent.jar[=OPTIONS]}. */
    public static void premain(String options, Instrumentation instrumentation) {
        boolean failOpen;
        List<String> problems;
        try {
            failOpen = FailOpen.requested(options, systemProperties(), System.getenv());
            problems = install(options, instrumentation, false);
        } catch (IllegalArgumentException badFailOpen) {
            failOpen = false;
            problems = List.of(badFailOpen.getMessage());
        }
        if (problems.isEmpty()) {
            AgentState.enforcing("started with -javaagent" + describe(options));
            return;
        }
        problems.forEach(problem -> System.err.println(PREFIX + "ERROR " + problem));
        if (failOpen) {
            System.err.println(PREFIX + "ERROR failOpen=true: the application starts, and the Warden agent is NOT "
                    + "ENFORCING anything in this JVM: every @Authorize method and pointcut runs unchecked");
            AgentState.notEnforcing(String.join("; ", problems));
            return;
        }
        System.err.println(PREFIX + "ERROR the JVM is stopped (exit code " + REFUSED_EXIT_CODE + "): an application "
                + "meant to run under the Warden agent does not run unprotected. Fix the above, or start it without "
                + "enforcement with the agent option failOpen=true (-D" + FailOpen.PROPERTY + "=true, "
                + FailOpen.VARIABLE + "=true)");
        System.err.flush();
        try {
            System.exit(REFUSED_EXIT_CODE);
        } catch (SecurityException exitRefused) {
            Runtime.getRuntime().halt(REFUSED_EXIT_CODE);
        }
    }

    /**
     * Called by the JVM when the agent is attached to it at run time. An attach that finds a problem installs
     * nothing (the JVM runs as before, unprotected as it was) and says why in one line on standard error and in
     * {@link AgentState}, where the {@code attach} command reads it: it never throws (that would print a stack trace
     * in the application's standard error and tell the command nothing).
     */
    public static void agentmain(String options, Instrumentation instrumentation) {
        String running = System.getProperty(AgentState.PROPERTY);
        if (AgentState.isEnforcing(running)) {
            String why = "the Warden agent is already attached to this JVM (" + running + "); restart the JVM to "
                    + "change its configuration";
            System.err.println(PREFIX + "WARN a second attach was refused: " + why);
            AgentState.attachRefused(why);
            return;
        }
        List<String> problems = install(options, instrumentation, true);
        if (problems.isEmpty()) {
            AgentState.enforcing("attached" + describe(options));
            AgentState.attached();
            return;
        }
        problems.forEach(problem -> System.err.println(PREFIX + "ERROR attach refused: " + problem));
        if (!problems.get(0).startsWith(INSTALL_FAILED)) {
            System.err.println(PREFIX + "ERROR nothing was installed: this JVM runs as it did before the attach");
        }
        AgentState.attachRefused(String.join("\n", problems));
    }

    /** {@code attach PID [config=FILE]...}, {@code list}: see {@link AttachCommand}. */
    public static void main(String[] args) {
        System.exit(new AttachCommand(System.out, System.err).run(args, agentJar()));
    }

    /** Installs the agent; returns what kept it from enforcing (then nothing is enforced), or nothing. */
    @SuppressWarnings("unchecked")
    private static List<String> install(String options, Instrumentation instrumentation, boolean attached) {
        try {
            Path jar = agentJar();
            // the engine's loader first: once the jar is on the bootstrap path, this jar's classes resolve there
            ClassLoader engine = InternalJar.open(jar);
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
            Class<?> installer = Class.forName(INSTALLER, true, engine);
            Method install = installer.getMethod("install", Instrumentation.class, String.class, Path.class,
                    boolean.class);
            return (List<String>) install.invoke(null, instrumentation, options, jar, attached);
        } catch (InvocationTargetException e) {
            // after the checks: some of it may be in place
            return List.of(INSTALL_FAILED + e.getCause() + "; it may enforce in part: restart the JVM");
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return List.of("the agent could not start, nothing can be enforced: " + e);
        }
    }

    private static String describe(String options) {
        return options == null || options.isBlank() ? "" : " with " + options;
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return properties;
    }

    private static Path agentJar() {
        try {
            return Path.of(WardenAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the agent jar", e);
        }
    }
}
