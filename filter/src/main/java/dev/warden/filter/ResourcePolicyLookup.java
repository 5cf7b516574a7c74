package dev.warden.filter;

/**
 * Finds the owner and resource-based policy of the resource a request addresses, for the application's own
 * resources (buckets, queues, documents). {@code WardenFilter} asks it for every check; without one, every resource
 * belongs to the account its ARN names (or, where the ARN names none, the caller's) and has no resource policy.
 *
 * <p>Called on the request thread for every check: answer from memory, and cache compiled policies.
 */
@FunctionalInterface
public interface ResourcePolicyLookup {

    /** The owner and policy of {@code resourceArn}, or {@code null} when the application does not know it. */
    ResourcePolicy find(String resourceArn);

    /** A lookup that knows no resource. */
    static ResourcePolicyLookup none() {
        return arn -> null;
    }
}
