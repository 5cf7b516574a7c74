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
     * @param nanos how long deciding took, or -1 when it was not measured (no listener asked for it, see
     *     {@link #needsLatency()})
     */
    void onDecision(AuthorizationRequest request, Decision decision, long nanos);

    /**
     * Whether this listener uses {@code nanos}. Measuring costs two clock reads per decision, a noticeable share of a
     * warm decision; listeners that do not need it should answer {@code false}.
     */
    default boolean needsLatency() {
        return true;
    }

    /**
     * Whether this listener reads the request's condition keys ({@link AuthorizationRequest#context()}). A decision
     * whose policies read no condition keys may be made without building them; listeners that do not read them
     * should answer {@code false}, so that such decisions stay cheap.
     */
    default boolean needsContext() {
        return true;
    }

    /**
     * Whether this listener wants to hear about {@code decision} at all. A listener that records only some decisions
     * (denials, a sample of allows) says so here, so that a decision nobody wants to hear about is not described to
     * anyone: on the cheapest path Warden builds the request object only for listeners that want it.
     */
    default boolean wants(Decision decision) {
        return true;
    }
}
