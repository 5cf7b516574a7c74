package dev.warden.core.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test-scope main class run in a JVM of its own (this JVM's {@code java} and class path), whose standard output
 * is read line by line: {@code ACK N} lines record the last acknowledged commit, {@code READY} the start.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path stderr;
    private final Thread reader;
    private final AtomicLong lastAck = new AtomicLong(-1);
    private final CountDownLatch firstAck = new CountDownLatch(1);
    private final CountDownLatch ready = new CountDownLatch(1);
    private final List<String> lines = new ArrayList<>();

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readOutput, "child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with {@code args}; its standard error goes to {@code stderr}. */
    static ChildJvm start(Class<?> main, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .start();
        return new ChildJvm(process, stderr);
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (lines) {
                    if (lines.size() < 1000) {
                        lines.add(line);
                    }
                }
                if (line.startsWith("ACK ")) {
                    lastAck.set(Long.parseLong(line.substring(4)));
                    firstAck.countDown();
                } else if (line.equals("READY")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the child died: its output ends here
        }
    }

    /** Waits until the child acknowledged its first commit; false if it did not in time. */
    boolean awaitFirstAck(long timeout, TimeUnit unit) throws InterruptedException {
        return firstAck.await(timeout, unit);
    }

    boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
        return ready.await(timeout, unit);
    }

    /** Writes a line to the child's standard input. */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Kills the child with SIGKILL and waits until it is gone and its output is read. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join();
    }

    /** Whether the child is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the child to exit by itself and its output to be read; its exit code, or -1 after timeout. */
    int awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            return -1;
        }
        reader.join();
        return process.exitValue();
    }

    /** The last N of an {@code ACK N} line read, or -1. */
    long lastAck() {
        return lastAck.get();
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
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
