package dev.warden.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's two minutes, for real: {@code orders.jar} started with {@code -javaagent} and the example's config,
 * and started bare then attached to. alice reads, bob reads nothing, nobody deletes (the pointcut) or creates; a
 * denial is a 403 with AWS's message. Under a config or store the agent cannot use, the application never starts
 * (it never runs unprotected: no unchecked DELETE answered 204). The example's config and store are copied first: the agent writes its
 * internals into the store folder, and the checked-in one stays as it is.
 */
class OrdersAgentTest {

    private static final Pattern LISTENING = Pattern.compile("Orders listening on http://127.0.0.1:(\\d+)/");

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Path copyOfTheExample() throws IOException {
        Path example = Path.of(System.getProperty("orders.folder"));
        Files.copy(example.resolve("warden-agent.json"), folder.resolve("warden-agent.json"));
        try (Stream<Path> files = Files.walk(example.resolve("warden-data"))) {
            for (Path file : files.toList()) {
                Path target = folder.resolve(example.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return folder.resolve("warden-agent.json");
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    private HttpResponse<String> send(int port, String method, String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("item=pen")
                        : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startedWithTheAgentAliceReadsAndBobIsRefused() throws Exception {
        Path config = copyOfTheExample();
        try (Child app = Child.start(java(), "-javaagent:" + System.getProperty("warden.agent.jar") + "=config="
                + config, "-jar", System.getProperty("orders.jar"), "--port", "0")) {
            assertEnforced(app.port());
        }
    }

    @Test
    void attachedToTheRunningApplicationEnforcementStartsWithoutARestart() throws Exception {
        Path config = copyOfTheExample();
        try (Child app = Child.start(java(), "-jar", System.getProperty("orders.jar"), "--port", "0")) {
            int port = app.port();
            assertThat(send(port, "GET", "/orders/1", "bob").statusCode()).as("unprotected").isEqualTo(200);

            Process attach = new ProcessBuilder(java(), "-jar", System.getProperty("warden.agent.jar"), "attach",
                    Long.toString(app.process.pid()), "config=" + config).redirectErrorStream(true).start();
            String said = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(attach.exitValue()).as(said).isZero();
            assertThat(said).startsWith("Warden agent attached to JVM " + app.process.pid() + " in ");

            assertEnforced(port);
        }
    }

    @Test
    void underAMissingConfigTheApplicationNeverStartsSoNoDeleteIsEverAnswered() throws Exception {
        Path missing = folder.resolve("no-such-agent.json");
        try (Child app = Child.start(java(), "-javaagent:" + System.getProperty("warden.agent.jar") + "=config="
                + missing, "-jar", System.getProperty("orders.jar"), "--port", "0")) {
            int exit = app.awaitExit();

            assertThat(exit).as(app.output()).isEqualTo(1);
            assertThat(app.output()).contains("[warden-agent] ERROR " + missing + ": cannot read the agent config: "
                    + "no such file").doesNotContain("Orders listening");
        }
    }

    @Test
    void withoutItsStoreTheApplicationNeverStarts() throws Exception {
        Path config = copyOfTheExample();
        try (Stream<Path> files = Files.walk(folder.resolve("warden-data"))) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        try (Child app = Child.start(java(), "-javaagent:" + System.getProperty("warden.agent.jar") + "=config="
                + config, "-jar", System.getProperty("orders.jar"), "--port", "0")) {
            int exit = app.awaitExit();

            assertThat(exit).as(app.output()).isEqualTo(1);
            assertThat(app.output()).contains("[warden-agent] ERROR store " + folder.resolve("warden-data")
                    + ": no such folder").doesNotContain("Orders listening");
        }
    }

    private void assertEnforced(int port) throws Exception {
        assertThat(send(port, "GET", "/orders/1", "alice").body()).contains("\"item\":\"keyboard\"");
        assertThat(send(port, "GET", "/orders", "alice").statusCode()).isEqualTo(200);

        HttpResponse<String> bob = send(port, "GET", "/orders/1", "bob");
        assertThat(bob.statusCode()).isEqualTo(403);
        assertThat(bob.body()).isEqualTo("{\"__type\":\"AccessDeniedException\",\"message\":\"User: "
                + "arn:aws:iam::111122223333:user/bob is not authorized to perform: orders:GetOrder on resource: "
                + "arn:aws:orders:us-east-1:111122223333:order/1 because no identity-based policy allows the "
                + "orders:GetOrder action\"}");

        HttpResponse<String> delete = send(port, "DELETE", "/orders/1", "alice");
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(delete.body()).contains("orders:DeleteOrder on resource: arn:aws:orders:us-east-1:111122223333"
                + ":order/1");
        assertThat(send(port, "POST", "/orders", "alice").statusCode()).isEqualTo(403);
        assertThat(send(port, "GET", "/orders/1", "alice").statusCode()).as("the order is still there").isEqualTo(200);
    }

    /** The application in a child JVM; closing it destroys it. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buffer = new byte[4096];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // destroyed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(String... command) throws IOException {
            return new Child(new ProcessBuilder(List.of(command)).redirectErrorStream(true).start());
        }

        int port() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && process.isAlive()) {
                Matcher m = LISTENING.matcher(output);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                Thread.sleep(20);
            }
            throw new AssertionError("orders.jar did not start:\n" + output);
        }

        /** Waits (at most a minute) for the application to end, and returns its exit code. */
        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("orders.jar ended\n" + output).isTrue();
            reader.join(10_000); // what it printed last
            return process.exitValue();
        }

        String output() {
            return output.toString();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
