package dev.warden.core.iam;

import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiled policies that bound one principal: its identity-based policies (its own, inline and attached, and
 * its groups'), its permissions boundary, and the SCPs of its account's chain in the organization. Immutable; the
 * Warden facade caches one per principal and directory version.
 *
 * @param accountId the principal's account
 * @param identity its identity-based policies, indexed
 * @param boundary its permissions boundary, or {@code null}; a boundary naming a policy that does not exist allows
 *     nothing (fail closed)
 * @param serviceControlLevels one index per level of its account's chain, root first; {@code null} outside an
 *     organization and for the management account, which SCPs do not bind; a level without SCPs allows nothing
 */
public record PolicySet(String accountId, StatementIndex identity, StatementIndex boundary,
                        List<StatementIndex> serviceControlLevels) {

    /** What the root user may do, as an identity-based policy: everything (its sessions are narrowed further). */
    private static final CompiledPolicy ROOT_USER = rootUser();

    /**
     * The policies in force for {@code principal} in {@code directory}, or {@code null} when the directory does not
     * know it, or holds a user or role of its name with another unique id than the principal's (an unknown principal
     * is denied).
     */
    public static PolicySet of(Directory directory, Principal principal) {
        String accountId = principal.accountId();
        Account account = accountId == null ? null : directory.account(accountId);
        if (account == null) {
            return null;
        }
        String partition = directory.partition();
        List<CompiledPolicy> identity = new ArrayList<>();
        String boundaryArn;
        switch (principal.kind()) {
            case ROOT -> boundaryArn = null;
            case USER -> {
                User user = account.user(principal.name());
                if (user == null || !user.arn(partition, accountId).equals(principal.arn())
                        || !sameId(principal, user.id())) {
                    return null;
                }
                addUser(directory, account, user, identity);
                boundaryArn = user.permissionsBoundary();
            }
            case FEDERATED_USER -> {
                Principal parent = principal.sessionIssuer() == null ? null : Principal.of(principal.sessionIssuer());
                if (parent != null && parent.kind() == Principal.Kind.ROOT && accountId.equals(parent.accountId())) {
                    // the root user's session: the root user is allowed everything (bar SCPs), its session policies
                    // narrow that; the account's id stands for the root user's unique id
                    if (!sameId(principal, accountId)) {
                        return null;
                    }
                    identity.add(ROOT_USER);
                    return new PolicySet(accountId, StatementIndex.of(identity), null,
                            controlLevels(directory, accountId, false));
                }
                User user = parent == null ? null : account.user(parent.name());
                if (user == null || !user.arn(partition, accountId).equals(parent.arn())
                        || !sameId(principal, user.id())) {
                    return null;
                }
                addUser(directory, account, user, identity);
                boundaryArn = user.permissionsBoundary();
            }
            case ROLE, ASSUMED_ROLE -> {
                String roleName = principal.kind() == Principal.Kind.ROLE ? principal.name() : principal.sessionRoleName();
                Role role = account.role(roleName);
                boolean otherRole = role != null && principal.kind() == Principal.Kind.ROLE
                        && !role.arn(partition, accountId).equals(principal.arn());
                if (role == null || otherRole || !sameId(principal, role.id())) {
                    return null;
                }
                String owner = "role " + role.name();
                role.inlinePolicies().forEach((name, doc) ->
                        identity.add(doc.compiled("inline policy " + name + " of " + owner, PolicyType.IDENTITY)));
                addAttached(directory, role.attachedPolicies(), identity);
                boundaryArn = role.permissionsBoundary();
            }
            default -> {
                return null;
            }
        }
        StatementIndex boundary = null;
        if (boundaryArn != null) {
            ManagedPolicy policy = directory.managedPolicy(boundaryArn);
            boundary = policy == null ? StatementIndex.of(List.of())
                    : StatementIndex.of(policy.defaultVersion().document().compiled(boundaryArn, PolicyType.PERMISSIONS_BOUNDARY));
        }
        return new PolicySet(accountId, StatementIndex.of(identity), boundary, controlLevels(directory, accountId, false));
    }

    /**
     * Whether the user or role found by name is the one {@code principal} was issued for: AWS ties credentials to
     * unique ids, so a session of a user or role deleted and created again under the same name has no permissions.
     */
    private static boolean sameId(Principal principal, String id) {
        return principal.uniqueId() == null || principal.uniqueId().equals(id);
    }

    /**
     * The control policies that bound {@code accountId}: SCP levels (root first), or, with {@code resourceControl},
     * RCPs (a single merged index: only their denies matter, every level holding RCPFullAWSAccess). {@code null}
     * when the account is outside an organization or is its management account.
     */
    public static List<StatementIndex> controlLevels(Directory directory, String accountId, boolean resourceControl) {
        Organization org = directory.organization();
        if (org == null || accountId == null || accountId.equals(org.managementAccountId())) {
            return null;
        }
        List<String> chain = org.chain(accountId);
        if (chain.isEmpty()) {
            return null;
        }
        PolicyType type = resourceControl ? PolicyType.RESOURCE_CONTROL : PolicyType.SERVICE_CONTROL;
        List<StatementIndex> levels = new ArrayList<>();
        List<CompiledPolicy> merged = new ArrayList<>();
        for (String node : chain) {
            List<CompiledPolicy> level = new ArrayList<>();
            for (Organization.ControlPolicy p : org.attachedTo(node, resourceControl)) {
                level.add(p.document().compiled(p.name(), type));
            }
            if (resourceControl) {
                merged.addAll(level);
            } else {
                levels.add(StatementIndex.of(level));
            }
        }
        return resourceControl ? (merged.isEmpty() ? null : List.of(StatementIndex.of(merged))) : levels;
    }

    private static CompiledPolicy rootUser() {
        try {
            return CompiledPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"RootUser\","
                    + "\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}", PolicyKind.MANAGED,
                    "the root user's permissions", PolicyType.IDENTITY);
        } catch (MalformedPolicyException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void addUser(Directory directory, Account account, User user, List<CompiledPolicy> out) {
        String owner = "user " + user.name();
        user.inlinePolicies().forEach((name, doc) ->
                out.add(doc.compiled("inline policy " + name + " of " + owner, PolicyType.IDENTITY)));
        addAttached(directory, user.attachedPolicies(), out);
        for (String groupName : user.groups()) {
            Group group = account.group(groupName);
            if (group == null) {
                continue;
            }
            group.inlinePolicies().forEach((name, doc) ->
                    out.add(doc.compiled("inline policy " + name + " of group " + group.name(), PolicyType.IDENTITY)));
            addAttached(directory, group.attachedPolicies(), out);
        }
    }

    private static void addAttached(Directory directory, List<String> arns, List<CompiledPolicy> out) {
        for (String arn : arns) {
            ManagedPolicy policy = directory.managedPolicy(arn);
            if (policy != null) {
                out.add(policy.defaultVersion().document().compiled(arn, PolicyType.IDENTITY));
            }
        }
    }
}
