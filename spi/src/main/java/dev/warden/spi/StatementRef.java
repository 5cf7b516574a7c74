package dev.warden.spi;

import java.util.Objects;

/**
 * Names one statement of one policy: what a {@link Decision} cites as the reason for its outcome.
 *
 * @param policyType the kind of policy the statement belongs to
 * @param policyName the name the policy was given when it was loaded (an ARN, a file name, a case field)
 * @param index the statement's position in the policy's {@code Statement} array, from 0
 * @param sid the statement's {@code Sid}, or {@code null} when it has none
 * @param deny whether the statement's {@code Effect} is {@code Deny}
 */
public record StatementRef(PolicyType policyType, String policyName, int index, String sid, boolean deny) {

    public StatementRef {
        Objects.requireNonNull(policyType, "policyType");
        Objects.requireNonNull(policyName, "policyName");
    }

    /** {@code identity-based policy 'ReadOnly' statement 'AllowGets'}, or {@code ... statement #2} without a Sid. */
    @Override
    public String toString() {
        String statement = sid == null || sid.isEmpty() ? "#" + index : "'" + sid + "'";
        return policyType.phrase() + " '" + policyName + "' statement " + statement;
    }
}
