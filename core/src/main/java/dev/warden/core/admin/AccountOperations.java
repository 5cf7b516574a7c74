package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.Group;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.ManagedPolicy;
import dev.warden.core.iam.PolicyDocument;
import dev.warden.core.iam.Role;
import dev.warden.core.iam.User;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateAccountAlias, DeleteAccountAlias, ListAccountAliases (an account has at most one alias, unique across
 * accounts), and GetAccountAuthorizationDetails (every user, group, role and policy with its policies).
 */
final class AccountOperations {

    private AccountOperations() {
    }

    static void register(IamService s) {
        s.register("CreateAccountAlias", AccountOperations::createAlias);
        s.register("DeleteAccountAlias", AccountOperations::deleteAlias);
        s.register("ListAccountAliases", AccountOperations::listAliases);
        s.register("GetAccountAuthorizationDetails", AccountOperations::authorizationDetails);
    }

    private static Account withAlias(Account a, String alias) {
        return a.withAlias(alias);
    }

    private static ObjectNode createAlias(Call call) throws IamException, IOException {
        String alias = call.params().required("AccountAlias", Constraint.ACCOUNT_ALIAS);
        call.authorize("iam:CreateAccountAlias", "*");
        return call.write(d -> {
            Account account = call.account(d);
            for (Account other : d.accounts().values()) {
                if (alias.equals(other.alias()) && !other.id().equals(account.id())) {
                    throw new IamException(IamError.ENTITY_ALREADY_EXISTS, "The account alias " + alias + " already exists.");
                }
            }
            if (alias.equals(account.alias())) {
                return new LiveDirectory.Result<>(Shapes.object(), new Changes());
            }
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(withAlias(account, alias)));
        });
    }

    private static ObjectNode deleteAlias(Call call) throws IamException, IOException {
        String alias = call.params().required("AccountAlias", Constraint.ACCOUNT_ALIAS);
        call.authorize("iam:DeleteAccountAlias", "*");
        return call.write(d -> {
            Account account = call.account(d);
            if (!alias.equals(account.alias())) {
                throw new IamException(IamError.NO_SUCH_ENTITY, "The account alias " + alias + " cannot be found.");
            }
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(withAlias(account, null)));
        });
    }

    private static ObjectNode listAliases(Call call) throws IamException {
        call.authorize("iam:ListAccountAliases", "*");
        Account account = call.account(call.directory());
        return Pages.names(call, Shapes.object(), "AccountAliases",
                account.alias() == null ? List.of() : List.of(account.alias()));
    }

    private static ObjectNode authorizationDetails(Call call) throws IamException {
        call.authorize("iam:GetAccountAuthorizationDetails", "*");
        Set<String> filter = new HashSet<>(call.params().list("Filter"));
        boolean all = filter.isEmpty();
        Directory d = call.directory();
        Account account = call.account(d);
        String p = d.partition();
        ObjectNode out = Shapes.object();
        if (all || filter.contains("User")) {
            ArrayNode users = out.putArray("UserDetailList");
            for (User u : sorted(account.users().values(), User::name)) {
                ObjectNode n = Shapes.user(u, p, account.id());
                inline(n.putArray("UserPolicyList"), u.inlinePolicies());
                ArrayNode groups = n.putArray("GroupList");
                u.groups().forEach(groups::add);
                attached(n.putArray("AttachedManagedPolicies"), u.attachedPolicies());
                users.add(n);
            }
        }
        if (all || filter.contains("Group")) {
            ArrayNode groups = out.putArray("GroupDetailList");
            for (Group g : sorted(account.groups().values(), Group::name)) {
                ObjectNode n = Shapes.group(g, p, account.id());
                inline(n.putArray("GroupPolicyList"), g.inlinePolicies());
                attached(n.putArray("AttachedManagedPolicies"), g.attachedPolicies());
                groups.add(n);
            }
        }
        if (all || filter.contains("Role")) {
            ArrayNode roles = out.putArray("RoleDetailList");
            for (Role r : sorted(account.roles().values(), Role::name)) {
                ObjectNode n = Shapes.without(Shapes.role(r, p, account.id(), true), "Description",
                        "MaxSessionDuration");
                inline(n.putArray("RolePolicyList"), r.inlinePolicies());
                attached(n.putArray("AttachedManagedPolicies"), r.attachedPolicies());
                roles.add(n);
            }
        }
        if (all || filter.contains("LocalManagedPolicy") || filter.contains("AWSManagedPolicy")) {
            ArrayNode policies = out.putArray("Policies");
            List<ManagedPolicy> listed = new ArrayList<>();
            if (all || filter.contains("AWSManagedPolicy")) {
                listed.addAll(d.shippedPolicies().values());
            }
            if (all || filter.contains("LocalManagedPolicy")) {
                listed.addAll(sorted(account.policies().values(), ManagedPolicy::name));
            }
            for (ManagedPolicy policy : listed) {
                String owner = account.policies().containsValue(policy) ? account.id() : "aws";
                String arn = policy.arn(p, owner);
                ObjectNode n = Shapes.without(Shapes.policy(policy, arn,
                        ManagedPolicyOperations.attachments(account, arn), ManagedPolicyOperations.boundaryUses(account, arn)),
                        "Tags");
                ArrayNode versions = n.putArray("PolicyVersionList");
                for (ManagedPolicy.PolicyVersion v : policy.versions()) {
                    versions.add(Shapes.version(v, v.versionId().equals(policy.defaultVersionId()), true));
                }
                policies.add(n);
            }
        }
        out.put("IsTruncated", false);
        return out;
    }

    private static <T> List<T> sorted(java.util.Collection<T> items, java.util.function.Function<T, String> name) {
        List<T> out = new ArrayList<>(items);
        out.sort(Comparator.comparing(name, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    private static void inline(ArrayNode out, Map<String, PolicyDocument> policies) {
        policies.forEach((name, doc) -> out.addObject().put("PolicyName", name).put("PolicyDocument", doc.text()));
    }

    private static void attached(ArrayNode out, List<String> arns) {
        arns.forEach(arn -> out.add(Shapes.attached(Shapes.policyName(arn), arn)));
    }
}
