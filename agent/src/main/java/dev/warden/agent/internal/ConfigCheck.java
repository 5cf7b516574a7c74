package dev.warden.agent.internal;

import dev.warden.agent.internal.config.AgentConfig;
import dev.warden.agent.internal.config.AgentConfigReader;
import dev.warden.agent.internal.config.AgentOptions;
import dev.warden.agent.internal.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the agent's options and config and looks at the store folder, collecting what is wrong. The {@code attach}
 * command runs it in its own JVM before attaching (where the bootstrap bridge is absent: nothing here touches it),
 * the installer at start-up.
 */
public final class ConfigCheck {

    private static final String STORE_MARKER = "warden-store.json";

    private ConfigCheck() {
    }

    /** What is wrong with {@code options}: the config, and the store folder it names; empty when nothing is. */
    public static List<String> check(String options) {
        List<String> problems = new ArrayList<>();
        AgentConfig config = config(options, problems);
        if (config != null) {
            storeFolderProblem(config.store(), problems);
        }
        return problems;
    }

    /** The config {@code options} (else system properties, else environment) name, or {@code null} with a problem. */
    static AgentConfig config(String options, List<String> problems) {
        try {
            Map<String, String> properties = new HashMap<>();
            System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
            AgentOptions resolved = AgentOptions.resolve(options, properties, System.getenv());
            if (resolved.config() == null) {
                problems.add("no agent config: give -javaagent:warden-agent.jar=config=FILE, -Dwarden.agent.config=FILE "
                        + "or WARDEN_AGENT_CONFIG=FILE");
                return null;
            }
            return AgentConfigReader.read(resolved.config(), resolved.store());
        } catch (ConfigException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /** Adds a problem and returns true when {@code store} is not a Warden store folder. */
    static boolean storeFolderProblem(Path store, List<String> problems) {
        if (!Files.isDirectory(store)) {
            problems.add("store " + store.toAbsolutePath() + ": no such folder");
            return true;
        }
        if (!Files.isRegularFile(store.resolve(STORE_MARKER))) {
            problems.add("store " + store.toAbsolutePath() + ": not a Warden store (no " + STORE_MARKER + ")");
            return true;
        }
        return false;
    }
}
