package dev.warden.agent.internal;

import java.io.PrintStream;

/**
 * The agent's own lines on standard error, {@code [warden-agent] LEVEL message}: what it enforces, and what is wrong
 * with its configuration. Kept apart from the engine's logging so that a misconfiguration is impossible to miss.
 */
public final class AgentLog {

    private static volatile PrintStream out = System.err;
    private static volatile boolean verbose;

    private AgentLog() {
    }

    static void verbose(boolean on) {
        verbose = on;
    }

    /** Whether per-class lines are wanted. */
    public static boolean isVerbose() {
        return verbose;
    }

    public static void info(String message) {
        out.println("[warden-agent] INFO " + message);
    }

    public static void warn(String message) {
        out.println("[warden-agent] WARN " + message);
    }

    public static void error(String message) {
        out.println("[warden-agent] ERROR " + message);
    }
}
