package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapp.LoopingApp;

/**
 * {@code java -jar warden-agent.jar attach PID config=FILE} enforces in a JVM that was started without the agent,
 * from its next call on, without a restart; {@code list} shows that JVM; a config that does not parse attaches
 * nothing and leaves the JVM running as before.
 */
class AttachEnforcementTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void bobHoldsNoPolicy() throws Exception {
        try (StoreFixture store = StoreFixture.create(dir.resolve("store"))) {
            store.user("bob");
        }
        config = Files.writeString(dir.resolve("agent.json"), """
                {"store": "store"}""");
    }

    private static ChildJvm.Running startWithoutAgent() {
        return ChildJvm.java().applicationClassPath().start(LoopingApp.class, "bob");
    }

    private static ChildJvm.Finished launcher(String... arguments) {
        String[] command = new String[arguments.length + 2];
        command[0] = "-jar";
        command[1] = ChildJvm.agentJar().toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        return ChildJvm.java().run(command);
    }

    @Test
    void attachingEnforcesInTheRunningJvmWithoutRestart() {
        try (ChildJvm.Running app = startWithoutAgent()) {
            app.awaitLine(0, line -> line.endsWith(": allowed"), WAIT);

            int before = app.mark();
            ChildJvm.Finished attach = launcher("attach", Long.toString(app.pid()), "config=" + config);

            assertThat(attach.exitCode()).as(attach::toString).isZero();
            assertThat(attach.stdout()).as(attach::toString)
                    .containsPattern("Warden agent attached to JVM " + app.pid() + " in \\d+ ms");
            String denied = app.awaitLine(before, line -> line.contains(": threw "), WAIT);
            assertThat(denied).as(app::toString).matches("call \\d+: threw dev.warden.spi.AccessDeniedException: "
                    + "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: orders:GetOrder on "
                    + "resource: arn:aws:orders:us-east-1:111122223333:order/\\d+ because no identity-based policy "
                    + "allows the orders:GetOrder action");
            // every call after the first denial is denied too: the JVM was not restarted, it now enforces
            int after = app.mark();
            String next = app.awaitLine(after, line -> line.startsWith("call "), WAIT);
            assertThat(next).as(app::toString).contains(": threw dev.warden.spi.AccessDeniedException: ");
            assertThat(app.isAlive()).isTrue();
        }
    }

    @Test
    void listShowsTheRunningJvm() {
        try (ChildJvm.Running app = startWithoutAgent()) {
            app.awaitLine(0, line -> line.startsWith("call "), WAIT);

            ChildJvm.Finished list = launcher("list");

            assertThat(list.exitCode()).as(list::toString).isZero();
            assertThat(list.lines()).as(list::toString)
                    .anyMatch(line -> line.startsWith(app.pid() + "\t") && line.contains(LoopingApp.class.getName()));
        }
    }

    @Test
    void aConfigThatDoesNotParseAttachesNothingAndTheJvmRunsOn() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), """
                {"store": "store",
                 "region": }""");
        try (ChildJvm.Running app = startWithoutAgent()) {
            app.awaitLine(0, line -> line.endsWith(": allowed"), WAIT);

            ChildJvm.Finished attach = launcher("attach", Long.toString(app.pid()), "config=" + broken);

            assertThat(attach.exitCode()).as(attach::toString).isEqualTo(1);
            assertThat(attach.stderr()).as(attach::toString)
                    .containsPattern("cannot attach: " + java.util.regex.Pattern.quote(broken.toString())
                            + ": line 2, column \\d+: not valid JSON")
                    .contains("nothing was attached; JVM " + app.pid() + " runs as before");
            // still running, and still unprotected: bob's next calls are allowed
            int after = app.mark();
            assertThat(app.awaitLine(after, line -> line.startsWith("call "), WAIT)).endsWith(": allowed");
            assertThat(app.isAlive()).isTrue();
        }
    }
}
