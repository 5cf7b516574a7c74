package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.sample.NeighbourApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application in a package that starts like the agent's ({@code dev.warden.agent.sample}) is enforced too. */
class AgentPackageNeighbourTest {

    @TempDir
    Path dir;

    @Test
    void anApplicationUnderTheAgentsPackagePrefixIsWoven() throws Exception {
        StoreFixture.aliceGetsOrdersBobNothing(dir.resolve("store"));
        Path config = Files.writeString(dir.resolve("agent.json"), "{\"store\": \"store\"}");

        ChildJvm.Finished app = ChildJvm.java().agent(config).applicationClassPath().run(NeighbourApp.class);

        assertThat(app.outcome("bob getOrder 7")).as(app::toString).isEqualTo("denied");
    }
}
