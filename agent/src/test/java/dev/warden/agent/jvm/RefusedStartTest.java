package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapp.OrdersApp;

/**
 * A JVM started with {@code -javaagent} whose agent cannot enforce as configured does not start: the application's
 * {@code main} never runs, the exit code is 1, and standard error says precisely why (the file, and the line and
 * column or JSON pointer) in the agent's own lines, without a stack trace. A security agent fails closed: no
 * method, annotated or named by a pointcut, ever runs unchecked. ({@link FailOpenTest}: the explicit way out.)
 */
class RefusedStartTest {

    static final String STOPPED = "[warden-agent] ERROR the JVM is stopped (exit code 1): an application meant to "
            + "run under the Warden agent does not run unprotected.";

    @TempDir
    Path dir;

    @BeforeEach
    void aliceMayReadOrders() throws Exception {
        StoreFixture.aliceGetsOrdersBobNothing(dir.resolve("store"));
    }

    private Path config(String json) throws Exception {
        return Files.writeString(dir.resolve("agent.json"), json);
    }

    private static ChildJvm.Finished run(ChildJvm jvm) {
        return jvm.applicationClassPath().run(OrdersApp.class, "alice");
    }

    /** The child did not run the application, exited with 1, and said {@code problem} and that it stopped. */
    private static void refused(ChildJvm.Finished app, String problem) {
        assertThat(app.exitCode()).as(app::toString).isEqualTo(1);
        assertThat(app.stdout()).as(app::toString).doesNotContain("main started").doesNotContain("allowed");
        assertThat(app.stderr()).as(app::toString).contains("[warden-agent] ERROR " + problem).contains(STOPPED)
                .doesNotContain("Exception in thread").doesNotContain("\tat ").doesNotContain("FATAL ERROR");
    }

    @Test
    void aMissingConfigFileStopsTheJvmAndNamesTheFile() {
        Path missing = dir.resolve("no-such-agent.json");

        ChildJvm.Finished app = run(ChildJvm.java().agent(missing));

        refused(app, missing + ": cannot read the agent config: no such file");
    }

    @Test
    void noConfigGivenStopsTheJvmAndSaysHowToGiveOne() {
        ChildJvm.Finished app = run(ChildJvm.java().options("-javaagent:" + ChildJvm.agentJar()));

        refused(app, "no agent config: give -javaagent:warden-agent.jar=config=FILE, -Dwarden.agent.config=FILE or "
                + "WARDEN_AGENT_CONFIG=FILE");
    }

    @Test
    void anUnparsableConfigStopsTheJvmWithLineAndColumn() throws Exception {
        Path config = config("""
                {"store": "store",
                 "region" "us-east-1"}""");

        ChildJvm.Finished app = run(ChildJvm.java().agent(config));

        refused(app, config + ": line 2, column 11: not valid JSON: ");
    }

    @Test
    void anUnknownFieldStopsTheJvmWithItsJsonPointer() throws Exception {
        Path config = config("""
                {"store": "store", "colour": "red"}""");

        ChildJvm.Finished app = run(ChildJvm.java().agent(config));

        refused(app, config + ": /colour: unknown field; known: ");
    }

    @Test
    void aMissingStoreFolderStopsTheJvm() throws Exception {
        ChildJvm.Finished app = run(ChildJvm.java().agent(config("""
                {"store": "no-such-store"}""")));

        refused(app, "store " + dir.resolve("no-such-store") + ": no such folder");
    }

    @Test
    void aFolderThatIsNotAStoreStopsTheJvm() throws Exception {
        Files.createDirectories(dir.resolve("documents"));
        ChildJvm.Finished app = run(ChildJvm.java().agent(config("""
                {"store": "documents"}""")));

        refused(app, "store " + dir.resolve("documents") + ": not a Warden store (no warden-store.json)");
    }

    @Test
    void aPointcutNamingNoMethodStopsTheJvm() throws Exception {
        Path config = config("""
                {"store": "store",
                 "pointcuts": [{"class": "testapp.Orders", "method": "cancelOrder",
                                "action": "orders:CancelOrder", "resource": "*"}]}""");

        ChildJvm.Finished app = run(ChildJvm.java().agent(config));

        refused(app, config + " /pointcuts/0: pointcut testapp.Orders.cancelOrder(..) matches no method of "
                + "testapp.Orders (it has no method named 'cancelOrder')");
    }

    @Test
    void aPointcutTemplateNamingNoParameterStopsTheJvm() throws Exception {
        Path config = config("""
                {"store": "store",
                 "pointcuts": [{"class": "testapp.Orders", "method": "deleteOrder",
                                "parameters": ["java.lang.String"], "action": "orders:DeleteOrder",
                                "resource": "arn:aws:orders:{region}:{account}:order/{idd}"}]}""");

        ChildJvm.Finished app = run(ChildJvm.java().agent(config));

        refused(app, config + " /pointcuts/0: 'arn:aws:orders:{region}:{account}:order/{idd}': {idd} names "
                + "no parameter of ");
    }

    @Test
    void aFailOpenValueOtherThanTrueOrFalseStopsTheJvm() throws Exception {
        Path config = config("""
                {"store": "no-such-store"}""");

        ChildJvm.Finished app = run(ChildJvm.java().options("-javaagent:" + ChildJvm.agentJar() + "=config=" + config
                + ",failOpen=yes"));

        refused(app, "agent option failOpen='yes': must be true or false");
    }
}
