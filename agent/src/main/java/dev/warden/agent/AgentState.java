package dev.warden.agent;

/**
 * What the agent does in a JVM, in two system properties: {@value #PROPERTY} ({@code enforcing: ...} or
 * {@code not enforcing (failOpen): ...}; absent before the agent starts) and {@value #ATTACH_PROPERTY}, the outcome of
 * the latest attach ({@code attached}, or {@code refused: WHY}). The {@code attach} command reads them in the target
 * JVM ({@code VirtualMachine.getSystemProperties()}): before loading the agent, to refuse a second attach in its own
 * output, and after, to learn why an attach was refused. The application may read them too (a health check).
 */
final class AgentState {

    static final String PROPERTY = "warden.agent.state";
    static final String ATTACH_PROPERTY = "warden.agent.attach";
    private static final String ENFORCING = "enforcing: ";
    private static final String REFUSED = "refused: ";

    private AgentState() {
    }

    static void enforcing(String how) {
        System.setProperty(PROPERTY, ENFORCING + how);
    }

    static void notEnforcing(String why) {
        System.setProperty(PROPERTY, "not enforcing (failOpen): " + why);
    }

    static void attached() {
        System.setProperty(ATTACH_PROPERTY, "attached");
    }

    static void attachRefused(String why) {
        System.setProperty(ATTACH_PROPERTY, REFUSED + why);
    }

    /** Whether {@code state} (the {@value #PROPERTY} of some JVM, or {@code null}) says that the agent enforces. */
    static boolean isEnforcing(String state) {
        return state != null && state.startsWith(ENFORCING);
    }

    /** Why an attach was refused, from the {@value #ATTACH_PROPERTY} it left; {@code null} when it was not. */
    static String refusal(String attach) {
        return attach != null && attach.startsWith(REFUSED) ? attach.substring(REFUSED.length()) : null;
    }
}
