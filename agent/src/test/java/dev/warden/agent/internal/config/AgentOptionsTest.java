package dev.warden.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the agent's config comes from: agent options, then system properties, then the environment. */
class AgentOptionsTest {

    @Test
    void agentOptionsWinOverPropertiesAndEnvironment() throws Exception {
        AgentOptions options = AgentOptions.resolve("config=/a.json,store=/data",
                Map.of("warden.agent.config", "/b.json"), Map.of("WARDEN_AGENT_CONFIG", "/c.json"));

        assertThat(options).isEqualTo(new AgentOptions(Path.of("/a.json"), Path.of("/data")));
    }

    @Test
    void propertiesWinOverTheEnvironment() throws Exception {
        AgentOptions options = AgentOptions.resolve(null, Map.of("warden.agent.config", "/b.json"),
                Map.of("WARDEN_AGENT_CONFIG", "/c.json", "WARDEN_AGENT_STORE", "/env-store"));

        assertThat(options).isEqualTo(new AgentOptions(Path.of("/b.json"), Path.of("/env-store")));
    }

    @Test
    void nothingGivenMeansNoConfig() throws Exception {
        assertThat(AgentOptions.resolve("", Map.of(), Map.of()).config()).isNull();
    }

    @Test
    void unknownOrEmptyOptionsAreRefused() {
        assertThatThrownBy(() -> AgentOptions.resolve("conf=/a.json", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown option 'conf'");
        assertThatThrownBy(() -> AgentOptions.resolve("config=", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be NAME=VALUE");
    }

    @Test
    void failOpenIsAKnownOptionOfTrueOrFalse() throws Exception {
        assertThat(AgentOptions.resolve("config=/a.json,failOpen=true", Map.of(), Map.of()).config())
                .isEqualTo(Path.of("/a.json"));
        assertThatThrownBy(() -> AgentOptions.resolve("failOpen=maybe", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be true or false");
    }
}
