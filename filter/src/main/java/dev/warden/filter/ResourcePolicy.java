package dev.warden.filter;

import dev.warden.core.policy.StatementIndex;
import java.util.Objects;

/**
 * What the application knows about the resource a request addresses: the account that owns it (S3 ARNs carry none)
 * and its resource-based policy (a bucket policy, with any grants of legacy ACLs written as statements).
 *
 * @param ownerAccountId the 12-digit account that owns the resource
 * @param policy the compiled resource-based policy, or {@code null} when the resource has none
 */
public record ResourcePolicy(String ownerAccountId, StatementIndex policy) {

    public ResourcePolicy {
        Objects.requireNonNull(ownerAccountId, "ownerAccountId");
    }
}
