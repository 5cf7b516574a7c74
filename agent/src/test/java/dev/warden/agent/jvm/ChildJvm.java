package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A child JVM started as a user would start one (the same {@code java} binary as the tests, with
 * {@code -javaagent:warden-agent.jar=config=FILE} when asked), whose standard output and error are captured. No child
 * outlives its test: {@link #run} waits at most {@link #TIMEOUT}, {@link Running#close} destroys it.
 */
final class ChildJvm {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final List<String> command = new ArrayList<>();
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();

    private ChildJvm() {
        command.add(ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("the test JVM's java binary is unknown")));
    }

    /** A {@code java} command, to be completed. */
    static ChildJvm java() {
        return new ChildJvm();
    }

    /** The packaged agent, {@code target/warden-agent.jar}, that failsafe names in {@code warden.agent.jar}. */
    static Path agentJar() {
        String jar = System.getProperty("warden.agent.jar");
        if (jar == null) {
            throw new IllegalStateException("system property warden.agent.jar is not set: run these tests with "
                    + "failsafe, after package");
        }
        return Path.of(jar);
    }

    /** {@code target/test-classes}: the test applications. */
    static Path testClasses() {
        return locationOf(ChildJvm.class);
    }

    /** The spi's jar (or classes folder): the application's {@code @Authorize} and {@code RequestContext}. */
    static Path spi() {
        return locationOf(dev.warden.spi.Authorize.class);
    }

    /** Jetty, the servlet API and SLF4J from the test's own class path: a container, as an application bundles it. */
    static Path[] jetty() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("jetty") || entry.contains("jakarta.servlet")
                        || entry.contains("slf4j-api"))
                .map(Path::of).toArray(Path[]::new);
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds {@code -javaagent:warden-agent.jar=config=CONFIG}. */
    ChildJvm agent(Path config) {
        return options("-javaagent:" + agentJar() + "=config=" + config);
    }

    /** Adds {@code variables} to the child's environment. */
    ChildJvm environment(java.util.Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    ChildJvm options(String... options) {
        command.addAll(Arrays.asList(options));
        return this;
    }

    /** {@code -cp}: the test applications and the spi, as an application compiled against the spi has them. */
    ChildJvm applicationClassPath(Path... more) {
        List<Path> entries = new ArrayList<>(List.of(testClasses(), spi()));
        entries.addAll(Arrays.asList(more));
        return classPath(entries);
    }

    ChildJvm classPath(List<Path> entries) {
        return options("-cp", entries.stream().map(Path::toString).collect(Collectors.joining(
                java.io.File.pathSeparator)));
    }

    /** Runs {@code main} with {@code args} to its end. */
    Finished run(Class<?> main, String... args) {
        return run(Stream.concat(Stream.of(main.getName()), Stream.of(args)).toArray(String[]::new));
    }

    /** Runs the command completed with {@code arguments} to its end (at most {@link #TIMEOUT}). */
    Finished run(String... arguments) {
        try (Running running = start(arguments)) {
            return running.awaitExit();
        }
    }

    Running start(Class<?> main, String... args) {
        return start(Stream.concat(Stream.of(main.getName()), Stream.of(args)).toArray(String[]::new));
    }

    Running start(String... arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(Arrays.asList(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(full);
            builder.environment().putAll(environment);
            return new Running(full, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + full, e);
        }
    }

    /** A child that runs; closing it destroys it. */
    static final class Running implements AutoCloseable {

        private final List<String> command;
        private final Process process;
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();
        private final Thread outReader;
        private final Thread errReader;

        private Running(List<String> command, Process process) {
            this.command = command;
            this.process = process;
            try {
                process.getOutputStream().close(); // nothing is typed to the child
            } catch (IOException ignored) {
                // its standard input is gone either way
            }
            this.outReader = drain(process.getInputStream(), out);
            this.errReader = drain(process.getErrorStream(), err);
        }

        private static Thread drain(InputStream stream, StringBuffer into) {
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (stream) {
                    for (int n; (n = stream.read(buffer)) > 0; ) {
                        into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException closed) {
                    // the child was destroyed: what it printed so far is kept
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
            return reader;
        }

        long pid() {
            return process.pid();
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** How much standard output there is now: {@link #awaitLine} can look only at what comes after. */
        int mark() {
            return out.length();
        }

        /** Waits for a line of standard output after {@code mark} that {@code wanted} accepts, and returns it. */
        String awaitLine(int mark, Predicate<String> wanted, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String text = out.substring(Math.min(mark, out.length()));
                int end = text.lastIndexOf('\n');
                if (end >= 0) {
                    for (String line : text.substring(0, end).split("\n")) {
                        if (wanted.test(line)) {
                            return line;
                        }
                    }
                }
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("no such line within " + timeout + "\n" + this);
                }
                sleep(20);
            }
        }

        /** Waits until standard error holds {@code text}, and returns all of it. */
        String awaitStderr(String text, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (err.indexOf(text) < 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no '" + text + "' on standard error within " + timeout + "\n" + this);
                }
                sleep(20);
            }
            return err.toString();
        }

        /** Standard error so far. */
        String stderr() {
            return err.toString();
        }

        Finished awaitExit() {
            try {
                if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    fail("the child JVM did not end within " + TIMEOUT + "\n" + this);
                }
                outReader.join(TIMEOUT.toMillis());
                errReader.join(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new Finished(String.join(" ", command), process.exitValue(), out.toString(), err.toString());
        }

        @Override
        public void close() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return describe(String.join(" ", command), process.isAlive() ? "running" : "exit " + process.exitValue(),
                    out.toString(), err.toString());
        }
    }

    /** A child that ended: its exit code and what it printed. */
    record Finished(String command, int exitCode, String stdout, String stderr) {

        List<String> lines() {
            return stdout.lines().toList();
        }

        /** What the step {@code name} printed after {@code "name: "}; fails, showing the output, if it printed none. */
        String outcome(String name) {
            List<String> found = lines().stream().filter(line -> line.startsWith(name + ": ")).toList();
            if (found.size() != 1) {
                fail("expected one line '" + name + ": ...', found " + found.size() + "\n" + this);
            }
            return found.get(0).substring(name.length() + 2);
        }

        @Override
        public String toString() {
            return describe(command, "exit " + exitCode, stdout, stderr);
        }
    }

    private static String describe(String command, String state, String stdout, String stderr) {
        return "child JVM: " + command + " (" + state + ")\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
}
