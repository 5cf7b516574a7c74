package dev.warden.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
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
 */
public final class WardenAgent {

    private static final String INSTALLER = "dev.warden.agent.internal.Installer";

    private WardenAgent() {
    }

    /** Called by the JVM before {@code main} for {@code -javaagent:warden-agent.jar[=OPTIONS]}. */
    public static void premain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, false);
    }

    /** Called by the JVM when the agent is attached to it at run time. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, true);
    }

    /** {@code attach PID [config=FILE]...}, {@code list}: see {@link AttachCommand}. */
    public static void main(String[] args) {
        System.exit(new AttachCommand(System.out, System.err).run(args, agentJar()));
    }

    private static void start(String options, Instrumentation instrumentation, boolean attached) {
        try {
            Path jar = agentJar();
            // the engine's loader first: once the jar is on the bootstrap path, this jar's classes resolve there
            ClassLoader engine = InternalJar.open(jar);
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
            Class<?> installer = Class.forName(INSTALLER, true, engine);
            Method install = installer.getMethod("install", Instrumentation.class, String.class, Path.class,
                    boolean.class);
            install.invoke(null, instrumentation, options, jar, attached);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (attached && cause instanceof RuntimeException runtime) {
                throw runtime; // the attach command reports it
            }
            fail(cause);
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            fail(e);
        }
    }

    /**
     * The agent could not install itself, so nothing could be enforced: at start-up the JVM must not run the
     * application unprotected (a premain that throws stops it); after an attach, the attach command reports it.
     */
    private static void fail(Throwable cause) {
        System.err.println("[warden-agent] ERROR the agent could not start, nothing can be enforced: " + cause);
        throw new IllegalStateException("Warden agent could not start: " + cause, cause);
    }

    private static Path agentJar() {
        try {
            return Path.of(WardenAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the agent jar", e);
        }
    }
}
