package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapp.ConflictingLibrariesApp;

/**
 * The agent's own Byte Buddy and Jackson (relocated, in its nested jar) neither replace nor meet an application's:
 * an application bundling Byte Buddy 1.14.12 and Jackson 2.17.2 uses exactly those while the agent enforces, and
 * cannot load any of the agent's internal classes.
 */
class ConflictingLibrariesTest {

    private static final String CNFE = "threw java.lang.ClassNotFoundException: ";

    @TempDir
    static Path dir;

    private static ChildJvm.Finished app;

    @BeforeAll
    static void runTheApplication() throws Exception {
        StoreFixture.aliceGetsOrdersBobNothing(dir.resolve("store"));
        Path config = Files.writeString(dir.resolve("agent.json"), """
                {"store": "store"}""");
        // failsafe's pre-integration-test copies them there (maven-dependency-plugin, see the pom)
        Path libs = Path.of(System.getProperty("warden.conflicting.libs"));
        List<Path> jars;
        try (Stream<Path> files = Files.list(libs)) {
            jars = files.sorted().toList();
        }
        assertThat(jars).extracting(p -> p.getFileName().toString()).containsExactly("byte-buddy-1.14.12.jar",
                "jackson-annotations-2.17.2.jar", "jackson-core-2.17.2.jar", "jackson-databind-2.17.2.jar");
        List<Path> classPath = new ArrayList<>(List.of(ChildJvm.testClasses(), ChildJvm.spi()));
        classPath.addAll(jars);
        app = ChildJvm.java().agent(config).classPath(classPath).run(ConflictingLibrariesApp.class);
        assertThat(app.exitCode()).as(app::toString).isZero();
    }

    @Test
    void theApplicationUsesItsOwnByteBuddy() {
        assertThat(app.outcome("byte buddy subclass")).isEqualTo("allowed");
        assertThat(app.outcome("byte buddy from")).endsWith("/byte-buddy-1.14.12.jar");
    }

    @Test
    void theApplicationUsesItsOwnJackson() {
        assertThat(app.outcome("jackson readTree")).isEqualTo("allowed");
        assertThat(app.outcome("jackson from")).endsWith("/jackson-databind-2.17.2.jar");
        assertThat(app.outcome("jackson version")).isEqualTo("2.17.2");
    }

    @Test
    void theAgentsInternalsAreInvisibleToTheApplication() {
        for (String internal : new String[] {"dev.warden.agent.shaded.jackson.databind.ObjectMapper",
                "dev.warden.agent.shaded.bytebuddy.ByteBuddy", "dev.warden.agent.internal.Installer"}) {
            assertThat(app.outcome("load " + internal)).isEqualTo(CNFE + internal);
        }
    }

    @Test
    void theAgentEnforcesAlongsideThem() {
        assertThat(app.stderr()).contains("[warden-agent] INFO enforcing with store")
                .doesNotContain("[warden-agent] ERROR");
        assertThat(app.outcome("alice getOrder 7")).isEqualTo("allowed");
        assertThat(app.outcome("bob getOrder 7")).startsWith("threw dev.warden.spi.AccessDeniedException: User: "
                + "arn:aws:iam::111122223333:user/bob is not authorized to perform: orders:GetOrder");
    }
}
