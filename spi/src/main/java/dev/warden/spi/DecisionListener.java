package dev.warden.spi;

/**
 * Told about every decision Warden makes (audit trails, anomaly detection, ...). Register one with the Warden
 * builder, or ship it in a jar with a {@code META-INF/services/dev.warden.spi.DecisionListener} entry. Called on the
 * deciding thread, after the decision: keep it fast, and never throw (a listener's failure is logged and ignored;
 * it never changes the decision).
 */
@FunctionalInterface
public interface DecisionListener {

    /**
     * @param request what was asked
     * @param decision the answer
     * @param nanos how long deciding took
     */
    void onDecision(AuthorizationRequest request, Decision decision, long nanos);
}
