package dev.warden.core.iam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An organization: a tree of organizational units below a root, the accounts in it, and the service and resource
 * control policies attached to its nodes. Its management account is not bound by SCPs, as in AWS.
 *
 * @param id the organization id ({@code o-...})
 * @param managementAccountId the account that manages it
 * @param units the root ({@code r-...}, no parent) and the OUs ({@code ou-...})
 * @param accountParents for each member account, the id of the root or OU it sits in
 * @param policies the SCPs and RCPs with their targets
 */
public record Organization(String id, String managementAccountId, List<Unit> units, Map<String, String> accountParents,
                           List<ControlPolicy> policies) {

    public Organization {
        units = List.copyOf(units);
        accountParents = Map.copyOf(accountParents);
        policies = List.copyOf(policies);
    }

    /** The root or an organizational unit. */
    public record Unit(String id, String name, String parentId) {
    }

    /** A service or resource control policy and the roots, OUs and accounts it is attached to. */
    public record ControlPolicy(String id, String name, boolean resourceControl, PolicyDocument document,
                               List<String> targets) {
        public ControlPolicy {
            targets = List.copyOf(targets);
        }
    }

    /**
     * The nodes whose policies bound {@code accountId}, root first and the account last; empty when the account is
     * not a member.
     */
    public List<String> chain(String accountId) {
        String parent = accountParents.get(accountId);
        if (parent == null) {
            return List.of();
        }
        List<String> chain = new ArrayList<>();
        chain.add(accountId);
        for (String node = parent; node != null && chain.size() <= units.size() + 1; node = parentOf(node)) {
            chain.add(node);
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The control policies of one kind attached to {@code node}. */
    public List<ControlPolicy> attachedTo(String node, boolean resourceControl) {
        return policies.stream().filter(p -> p.resourceControl() == resourceControl && p.targets().contains(node)).toList();
    }

    private String parentOf(String unitId) {
        for (Unit unit : units) {
            if (unit.id().equals(unitId)) {
                return unit.parentId();
            }
        }
        return null;
    }
}
