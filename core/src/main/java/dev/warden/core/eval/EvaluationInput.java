package dev.warden.core.eval;

import dev.warden.core.policy.StatementIndex;
import java.util.List;

/**
 * The policies in force for one request, each already compiled and indexed. Every part is optional:
 * {@code null} means the request has none of that kind (no boundary, no session policy, not in an organization,
 * no resource-based policy, no VPC endpoint).
 *
 * @param identity the caller's identity-based policies (its own, its groups', managed and inline)
 * @param permissionsBoundary the caller's permissions boundary
 * @param session the session policy of a role or federated session
 * @param serviceControlLevels SCPs, one index per level of the organization: root first, the account last; every
 *     level must allow
 * @param resourceControlLevels RCPs, one index per level; each level implicitly holds {@code RCPFullAWSAccess}, so
 *     only their denies matter
 * @param resource the resource-based policy (bucket policy, role trust policy, ...)
 * @param vpcEndpoint the policies of the VPC endpoint the request came through
 */
public record EvaluationInput(StatementIndex identity, StatementIndex permissionsBoundary, StatementIndex session,
                              List<StatementIndex> serviceControlLevels, List<StatementIndex> resourceControlLevels,
                              StatementIndex resource, StatementIndex vpcEndpoint) {

    public EvaluationInput {
        serviceControlLevels = serviceControlLevels == null ? null : List.copyOf(serviceControlLevels);
        resourceControlLevels = resourceControlLevels == null ? null : List.copyOf(resourceControlLevels);
    }

    /** Only identity-based policies. */
    public static EvaluationInput identity(StatementIndex identity) {
        return new EvaluationInput(identity, null, null, null, null, null, null);
    }

    /** A copy with {@code resource} as the resource-based policy. */
    public EvaluationInput withResource(StatementIndex resource) {
        return new EvaluationInput(identity, permissionsBoundary, session, serviceControlLevels, resourceControlLevels,
                resource, vpcEndpoint);
    }
}
