package dev.warden.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where {@code failOpen} comes from, in the order of the agent's other options: the agent option, then the system
 * property, then the environment; absent is false, and a value other than true or false is refused (the agent then
 * fails closed).
 */
class FailOpenOptionTest {

    @Test
    void absentEverywhereIsFalse() {
        assertThat(FailOpen.requested("config=/a.json", Map.of(), Map.of())).isFalse();
        assertThat(FailOpen.requested(null, Map.of(), Map.of())).isFalse();
    }

    @Test
    void theAgentOptionWinsOverThePropertyWhichWinsOverTheEnvironment() {
        assertThat(FailOpen.requested("config=/a.json, failOpen=false", Map.of("warden.agent.failOpen", "true"),
                Map.of("WARDEN_AGENT_FAIL_OPEN", "true"))).isFalse();
        assertThat(FailOpen.requested("config=/a.json", Map.of("warden.agent.failOpen", "TRUE"),
                Map.of("WARDEN_AGENT_FAIL_OPEN", "false"))).isTrue();
        assertThat(FailOpen.requested(null, Map.of(), Map.of("WARDEN_AGENT_FAIL_OPEN", "true"))).isTrue();
    }

    @Test
    void aValueOtherThanTrueOrFalseIsRefusedWithWhereItCameFrom() {
        assertThatThrownBy(() -> FailOpen.requested("failOpen=yes", Map.of(), Map.of()))
                .hasMessage("agent option failOpen='yes': must be true or false");
        assertThatThrownBy(() -> FailOpen.requested(null, Map.of("warden.agent.failOpen", "1"), Map.of()))
                .hasMessage("-Dwarden.agent.failOpen='1': must be true or false");
    }
}
