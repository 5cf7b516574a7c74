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
 * from its next call on, without a restart; {@code list} shows that JVM; a config that does not parse, or that the
 * agent refuses in the target JVM, attaches nothing and leaves the JVM running as before; a second attach is refused
 * in the launcher's own output, with nothing but one line in the application's standard error.
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

    /** The application's standard error holds no stack trace, and nothing the JVM prints for a failed agent. */
    private static void noStackTrace(ChildJvm.Running app) {
        assertThat(app.stderr()).as(app::toString).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("ASSERTION FAILED");
    }

    @Test
    void aSecondAttachIsRefusedInTheLaunchersOutputWithoutAStackTraceInTheApplication() {
        try (ChildJvm.Running app = startWithoutAgent()) {
            app.awaitLine(0, line -> line.endsWith(": allowed"), WAIT);
            ChildJvm.Finished first = launcher("attach", Long.toString(app.pid()), "config=" + config);
            assertThat(first.exitCode()).as(first::toString).isZero();

            ChildJvm.Finished second = launcher("attach", Long.toString(app.pid()), "config=" + config);

            assertThat(second.exitCode()).as(second::toString).isEqualTo(1);
            assertThat(second.stderr()).as(second::toString)
                    .contains("cannot attach: the Warden agent is already attached to JVM " + app.pid()
                            + " (enforcing: attached with config=" + config + "); restart that JVM to change the "
                            + "agent's configuration")
                    .contains("nothing was attached; JVM " + app.pid() + " runs as before");
            assertThat(second.stdout()).as(second::toString).doesNotContain("attached to JVM");
            // the first attach still enforces
            int after = app.mark();
            assertThat(app.awaitLine(after, line -> line.startsWith("call "), WAIT)).as(app::toString)
                    .contains(": threw dev.warden.spi.AccessDeniedException: ");
            noStackTrace(app);
        }
    }

    @Test
    void aConfigTheAgentRefusesInTheTargetAttachesNothingAndTheLauncherSaysWhy() throws Exception {
        // the launcher cannot check pointcuts (they are the target's classes): the agent finds the problem there
        Path pointcut = Files.writeString(dir.resolve("pointcut.json"), """
                {"store": "store",
                 "pointcuts": [{"class": "testapp.Orders", "method": "cancelOrder",
                                "action": "orders:CancelOrder", "resource": "*"}]}""");
        try (ChildJvm.Running app = startWithoutAgent()) {
            app.awaitLine(0, line -> line.endsWith(": allowed"), WAIT);

            ChildJvm.Finished attach = launcher("attach", Long.toString(app.pid()), "config=" + pointcut);

            assertThat(attach.exitCode()).as(attach::toString).isEqualTo(1);
            assertThat(attach.stderr()).as(attach::toString)
                    .contains("cannot attach: " + pointcut + " /pointcuts/0: pointcut testapp.Orders.cancelOrder(..) "
                            + "matches no method of testapp.Orders (it has no method named 'cancelOrder')")
                    .contains("nothing was attached; JVM " + app.pid() + " runs as before");
            // not half-enforced: nothing was installed, bob's calls go on as before
            int after = app.mark();
            assertThat(app.awaitLine(after, line -> line.startsWith("call "), WAIT)).as(app::toString)
                    .endsWith(": allowed");
            noStackTrace(app);

            // and once the config is fixed, an attach enforces
            ChildJvm.Finished fixed = launcher("attach", Long.toString(app.pid()), "config=" + config);
            assertThat(fixed.exitCode()).as(fixed::toString).isZero();
            int later = app.mark();
            assertThat(app.awaitLine(later, line -> line.contains(": threw "), WAIT)).as(app::toString)
                    .contains(": threw dev.warden.spi.AccessDeniedException: ");
        }
    }

    @Test
    void failOpenIsRefusedByAttach() {
        ChildJvm.Finished attach = launcher("attach", Long.toString(ProcessHandle.current().pid()), "config=" + config,
                "failOpen=true");

        assertThat(attach.exitCode()).as(attach::toString).isEqualTo(2);
        assertThat(attach.stderr()).as(attach::toString).contains("failOpen does not apply to attach: an attach that "
                + "finds a problem installs nothing, and the JVM runs as it did");
    }
}
