package dev.warden.core.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test-scope main class run in a JVM of its own (this JVM's {@code java} and class path). Its standard output
 * goes to a file, not a pipe: after a SIGKILL the file holds every line the child wrote, whereas the JDK may close
 * a pipe's stream under a reader when the process exits ("Stream closed") and lose its last lines. {@code ACK N}
 * lines record acknowledged commits, {@code READY} the start.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code main} with {@code args}; its output goes to {@code NAME.out} and {@code NAME.err}. */
    static ChildJvm start(Class<?> main, Path name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                main.getName()));
        command.addAll(List.of(args));
        Path stdout = name.resolveSibling(name.getFileName() + ".out");
        Path stderr = name.resolveSibling(name.getFileName() + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        return new ChildJvm(process, stdout, stderr);
    }

    /** The complete lines the child wrote so far. */
    List<String> lines() {
        String text;
        try {
            text = Files.readString(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    /** Waits until the child wrote a line matching {@code wanted}; false if it did not in time. */
    boolean awaitLine(Predicate<String> wanted, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (lines().stream().anyMatch(wanted)) {
                return true;
            }
            if (!process.isAlive()) {
                return lines().stream().anyMatch(wanted);
            }
            Thread.sleep(1);
        }
        return false;
    }

    /** Waits until the child acknowledged its first commit; false if it did not in time. */
    boolean awaitFirstAck(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitLine(line -> line.startsWith("ACK "), timeout, unit);
    }

    boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitLine("READY"::equals, timeout, unit);
    }

    /** Writes a line to the child's standard input. */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Kills the child with SIGKILL and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Whether the child is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the child to exit by itself; its exit code, or -1 after the timeout. */
    int awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit) ? process.exitValue() : -1;
    }

    /** The N of the last {@code ACK N} line, or -1. */
    long lastAck() {
        List<String> lines = lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("ACK ")) {
                return Long.parseLong(lines.get(i).substring(4));
            }
        }
        return -1;
    }

    /** What the child wrote to standard error (for failure messages). */
    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
