package dev.warden.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The answer to an authorization question, and why.
 *
 * <p>The reason is one sentence in AWS's words, e.g. {@code User: arn:aws:iam::111122223333:user/alice is not
 * authorized to perform: s3:PutObject on resource: arn:aws:s3:::dl/a because no identity-based policy allows the
 * s3:PutObject action}. It is composed on first use, so that deciding costs nothing for words nobody reads.
 *
 * <p>Immutable and thread-safe. Two decisions are equal when outcome, deciding statements and reason are.
 */
public final class Decision {

    private final Outcome outcome;
    private final List<StatementRef> decidingStatements;
    private Supplier<String> reasonSupplier;
    private volatile String reason;

    /**
     * A decision with its reason.
     *
     * @param outcome allowed, explicitly denied or implicitly denied
     * @param decidingStatements the statements that decided it: the denying statement(s) of an explicit deny, the
     *     allowing statement(s) of an allow; empty for an implicit deny, which no statement causes
     * @param reason the explanation in AWS's words
     */
    public Decision(Outcome outcome, List<StatementRef> decidingStatements, String reason) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.decidingStatements = List.copyOf(decidingStatements);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private Decision(Outcome outcome, List<StatementRef> decidingStatements, Supplier<String> reason) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.decidingStatements = List.copyOf(decidingStatements);
        this.reasonSupplier = Objects.requireNonNull(reason, "reason");
    }

    /** A decision whose reason is composed by {@code reason} when first asked for (at most once). */
    public static Decision withLazyReason(Outcome outcome, List<StatementRef> decidingStatements, Supplier<String> reason) {
        return new Decision(outcome, decidingStatements, reason);
    }

    /** Allowed, explicitly denied or implicitly denied. */
    public Outcome outcome() {
        return outcome;
    }

    /** The statements that decided: denying statements of an explicit deny, allowing ones of an allow. */
    public List<StatementRef> decidingStatements() {
        return decidingStatements;
    }

    /** Why, in AWS's words. */
    public String reason() {
        String r = reason;
        if (r == null) {
            synchronized (this) {
                r = reason;
                if (r == null) {
                    r = Objects.requireNonNull(reasonSupplier.get(), "reason");
                    reason = r;
                    reasonSupplier = null;
                }
            }
        }
        return r;
    }

    /** Whether the request may proceed. */
    public boolean isAllowed() {
        return outcome == Outcome.ALLOWED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && outcome == d.outcome && decidingStatements.equals(d.decidingStatements)
                && reason().equals(d.reason());
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, decidingStatements, reason());
    }

    @Override
    public String toString() {
        return outcome.awsName() + ": " + reason();
    }
}
