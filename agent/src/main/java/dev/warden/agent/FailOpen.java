package dev.warden.agent;

import java.util.Locale;
import java.util.Map;

/**
 * Whether the user asked the agent to let the JVM start without enforcement when it cannot enforce as configured:
 * the agent option {@code failOpen=true}, else the system property {@code warden.agent.failOpen}, else the
 * environment variable {@code WARDEN_AGENT_FAIL_OPEN} (the order the agent reads its other options in). Read here, by
 * the launcher, with nothing but the JDK: it must be known even when the engine cannot be loaded at all.
 */
final class FailOpen {

    static final String OPTION = "failOpen";
    static final String PROPERTY = "warden.agent.failOpen";
    static final String VARIABLE = "WARDEN_AGENT_FAIL_OPEN";

    private FailOpen() {
    }

    /**
     * Whether fail-open was asked for.
     *
     * @throws IllegalArgumentException when the value given is neither {@code true} nor {@code false}: the agent then
     *     fails closed
     */
    static boolean requested(String options, Map<String, String> properties, Map<String, String> env) {
        String value = null;
        String source = null;
        if (options != null) {
            for (String option : options.split(",")) {
                int eq = option.indexOf('=');
                if (eq > 0 && option.substring(0, eq).trim().equals(OPTION)) {
                    value = option.substring(eq + 1).trim();
                    source = "agent option " + OPTION;
                }
            }
        }
        if (value == null && properties.get(PROPERTY) != null) {
            value = properties.get(PROPERTY).trim();
            source = "-D" + PROPERTY;
        }
        if (value == null && env.get(VARIABLE) != null) {
            value = env.get(VARIABLE).trim();
            source = VARIABLE;
        }
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(source + "='" + value + "': must be true or false");
        };
    }
}
