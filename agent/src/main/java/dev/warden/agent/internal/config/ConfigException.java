package dev.warden.agent.internal.config;

/**
 * An agent configuration that cannot be used, and precisely why: the file, where in it (a JSON pointer such as
 * {@code /pointcuts/0/resource}, or {@code line L, column C} for a syntax error) and the reason.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A problem at {@code location} (JSON pointer or line/column; empty for the whole file) of {@code source}. */
    public ConfigException(String source, String location, String reason) {
        super(source + ": " + (location.isEmpty() ? "" : location + ": ") + reason);
    }
}
