package dev.warden.spi;

import java.util.List;
import java.util.Objects;

/**
 * The answer to an authorization question, and why.
 *
 * @param outcome allowed, explicitly denied or implicitly denied
 * @param decidingStatements the statements that decided it: the denying statement(s) for an explicit deny, the
 *     allowing statement(s) for an allow; empty for an implicit deny, which no statement causes
 * @param reason one sentence in AWS's words, e.g. {@code User: arn:aws:iam::111122223333:user/alice is not
 *     authorized to perform: s3:PutObject on resource: arn:aws:s3:::dl/a because no identity-based policy allows
 *     the s3:PutObject action}
 */
public record Decision(Outcome outcome, List<StatementRef> decidingStatements, String reason) {

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        decidingStatements = List.copyOf(decidingStatements);
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the request may proceed. */
    public boolean isAllowed() {
        return outcome == Outcome.ALLOWED;
    }

    @Override
    public String toString() {
        return outcome.awsName() + ": " + reason;
    }
}
