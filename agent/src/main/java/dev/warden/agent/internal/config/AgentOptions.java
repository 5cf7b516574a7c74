package dev.warden.agent.internal.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The agent's options: {@code -javaagent:warden-agent.jar=config=FILE,store=DIR} (or the {@code attach} command's),
 * else the system properties {@code warden.agent.config} and {@code warden.agent.store}, else the environment
 * variables {@code WARDEN_AGENT_CONFIG} and {@code WARDEN_AGENT_STORE}. The option {@code failOpen} is accepted here
 * and read by the launcher ({@code dev.warden.agent.FailOpen}).
 *
 * @param config the config file, or {@code null} when none was given anywhere
 * @param store a store folder that replaces the config's, or {@code null}
 */
public record AgentOptions(Path config, Path store) {

    /** Reads {@code arguments} (the agent's option string, may be {@code null}), then properties, then environment. */
    public static AgentOptions resolve(String arguments, Map<String, String> properties, Map<String, String> env)
            throws ConfigException {
        String config = null;
        String store = null;
        if (arguments != null && !arguments.isBlank()) {
            for (String option : arguments.split(",")) {
                int eq = option.indexOf('=');
                String name = eq < 0 ? option.trim() : option.substring(0, eq).trim();
                String value = eq < 0 ? "" : option.substring(eq + 1).trim();
                if (value.isEmpty()) {
                    throw new ConfigException("agent options", "'" + option + "'", "must be NAME=VALUE");
                }
                switch (name) {
                    case "config" -> config = value;
                    case "store" -> store = value;
                    case "failOpen" -> {
                        // the launcher acts on it (it must, even when this engine cannot be loaded)
                        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                            throw new ConfigException("agent options", "'" + option + "'", "must be true or false");
                        }
                    }
                    default -> throw new ConfigException("agent options", "'" + option + "'",
                            "unknown option '" + name + "'; known: config, failOpen, store");
                }
            }
        }
        config = first(config, properties.get("warden.agent.config"), env.get("WARDEN_AGENT_CONFIG"));
        store = first(store, properties.get("warden.agent.store"), env.get("WARDEN_AGENT_STORE"));
        return new AgentOptions(config == null ? null : Path.of(config), store == null ? null : Path.of(store));
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
