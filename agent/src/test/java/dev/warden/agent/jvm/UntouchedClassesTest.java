package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapp.ByteRecorder;
import testapp.UntouchedApp;

/**
 * The agent weaves only what it enforces. Its verbose lines name the annotated and pointcut classes and nothing
 * else; and {@link ByteRecorder}, a second agent whose transformer runs after Warden's, sees that the bytes the JVM
 * defines for a class the agent does not enforce are exactly its class file, while an enforced class's are not (so
 * the recorder does see Warden's output). This covers classes as they load; the retransformation at attach is
 * {@code AttachEnforcementTest}'s.
 */
class UntouchedClassesTest {

    @TempDir
    static Path dir;

    private static ChildJvm.Finished app;

    @BeforeAll
    static void runTheApplication() throws Exception {
        try (StoreFixture store = StoreFixture.create(dir.resolve("store"))) {
            store.user("alice", """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": "orders:GetOrder",
                       "Resource": "arn:aws:orders:*:111122223333:order/*"},
                      {"Effect": "Allow", "Action": "inventory:Reserve", "Resource": "*"}]}""");
        }
        Path config = Files.writeString(dir.resolve("agent.json"), """
                {"store": "store", "verbose": true,
                 "pointcuts": [{"class": "testapp.Inventory", "method": "reserve",
                                "action": "inventory:Reserve", "resource": "*"}]}""");
        Path recorder = recorderJar(dir.resolve("recorder.jar"));
        app = ChildJvm.java().agent(config)
                .options("-javaagent:" + recorder + "=testapp.Plain;testapp.UntouchedApp;testapp.Orders;"
                        + "testapp.Inventory")
                .applicationClassPath().run(UntouchedApp.class);
        assertThat(app.exitCode()).as(app::toString).isZero();
    }

    /** A jar that is only a manifest: its premain class is on the child's class path already. */
    private static Path recorderJar(Path jar) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", ByteRecorder.class.getName());
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out,
                manifest)) {
            return jar;
        }
    }

    @Test
    void onlyEnforcedClassesAreReportedWoven() {
        assertThat(app.stderr().lines().filter(line -> line.startsWith("[warden-agent] INFO woven ")))
                .as(app::toString)
                .containsExactlyInAnyOrder("[warden-agent] INFO woven testapp.Orders (4 enforced methods)",
                        "[warden-agent] INFO woven testapp.Inventory (1 enforced methods)");
    }

    @Test
    void anUnenforcedClassIsDefinedFromItsClassFileUnchanged() {
        assertThat(app.outcome("bytes testapp.Plain")).isEqualTo("unchanged");
        assertThat(app.outcome("bytes testapp.UntouchedApp")).isEqualTo("unchanged");
    }

    @Test
    void enforcedClassesAreChangedSoTheRecorderSeesWardensOutput() {
        assertThat(app.outcome("bytes testapp.Orders")).isEqualTo("changed");
        assertThat(app.outcome("bytes testapp.Inventory")).isEqualTo("changed");
    }

    @Test
    void everythingStillWorks() {
        assertThat(app.outcome("plain later")).isEqualTo("allowed");
        assertThat(app.outcome("getOrder 7")).isEqualTo("allowed");
        assertThat(app.outcome("reserve pen")).isEqualTo("allowed");
        assertThat(app.outcome("pool submit")).isEqualTo("allowed");
    }
}
