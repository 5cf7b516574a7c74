package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.PolicyDocument;
import dev.warden.core.iam.Role;
import dev.warden.core.iam.Tag;
import dev.warden.core.iam.UniqueIds;
import dev.warden.core.policy.PolicyKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CreateRole, GetRole, UpdateRole, DeleteRole, ListRoles, UpdateAssumeRolePolicy, TagRole, UntagRole,
 * ListRoleTags. A role's trust policy is validated as one (a Principal, no Resource, no NotPrincipal, 2,048
 * characters); its maximum session duration is one to twelve hours.
 */
final class RoleOperations {

    private RoleOperations() {
    }

    static void register(IamService s) {
        s.register("CreateRole", RoleOperations::create);
        s.register("GetRole", RoleOperations::get);
        s.register("UpdateRole", RoleOperations::update);
        s.register("DeleteRole", RoleOperations::delete);
        s.register("ListRoles", RoleOperations::list);
        s.register("UpdateAssumeRolePolicy", RoleOperations::updateTrust);
        s.register("TagRole", RoleOperations::tag);
        s.register("UntagRole", RoleOperations::untag);
        s.register("ListRoleTags", RoleOperations::listTags);
    }

    private static Role find(Call call, Directory d, String name) throws IamException {
        return (Role) Holder.ROLE.find(call, d, name);
    }

    private static Role copy(Role r, String description, int maxSession, PolicyDocument trust, List<Tag> tags) {
        return new Role(r.name(), r.path(), r.id(), r.createDate(), description, maxSession, trust, tags,
                r.attachedPolicies(), r.inlinePolicies(), r.permissionsBoundary());
    }

    private static ObjectNode create(Call call) throws IamException, IOException {
        String name = call.params().required("RoleName", Constraint.ROLE_NAME);
        String path = call.params().optional("Path", Constraint.PATH, "/");
        PolicyDocument trust = Policies.document(call.params().required("AssumeRolePolicyDocument"), PolicyKind.TRUST);
        String description = call.params().optional("Description", Constraint.DESCRIPTION, null);
        int maxSession = call.params().integer("MaxSessionDuration", 3600, 43200, 3600);
        String boundary = call.params().optional("PermissionsBoundary", Constraint.ARN, null);
        List<Tag> tags = Tagging.checked(call, call.params().tags("Tags"));
        String arn = call.arn("role", path, name);
        call.authorize("iam:CreateRole", arn);
        if (boundary != null) {
            call.authorize("iam:PutRolePermissionsBoundary", arn);
        }
        if (!tags.isEmpty()) {
            call.authorize("iam:TagRole", arn);
        }
        return call.write(d -> {
            Account account = call.account(d);
            if (account.role(name) != null) {
                throw new IamException(IamError.ENTITY_ALREADY_EXISTS, "Role with name " + name + " already exists.");
            }
            if (account.roles().size() >= call.quotas().rolesPerAccount()) {
                throw IamException.limitExceeded("RolesPerAccount", call.quotas().rolesPerAccount());
            }
            if (boundary != null) {
                Policies.existing(d, boundary);
            }
            Role role = new Role(name, path, UniqueIds.next(UniqueIds.ROLE), call.now(), description, maxSession, trust,
                    tags, List.of(), Map.of(), boundary);
            ObjectNode out = Shapes.object();
            out.set("Role", Shapes.role(role, d.partition(), call.accountId(), true));
            return new LiveDirectory.Result<>(out, new Changes().put(call.accountId(), role));
        });
    }

    private static ObjectNode get(Call call) throws IamException {
        String name = call.params().required("RoleName", Constraint.ROLE_NAME);
        call.authorize("iam:GetRole", Holder.ROLE.arn(call, name));
        Directory d = call.directory();
        ObjectNode out = Shapes.object();
        out.set("Role", Shapes.role(find(call, d, name), d.partition(), call.accountId(), true));
        return out;
    }

    private static ObjectNode update(Call call) throws IamException, IOException {
        String name = call.params().required("RoleName", Constraint.ROLE_NAME);
        String description = call.params().optional("Description", Constraint.DESCRIPTION, null);
        String maxSession = call.params().optional("MaxSessionDuration");
        int max = call.params().integer("MaxSessionDuration", 3600, 43200, 3600);
        call.authorize("iam:UpdateRole", Holder.ROLE.arn(call, name));
        return call.write(d -> {
            Role r = find(call, d, name);
            Role updated = copy(r, description != null ? description : r.description(),
                    maxSession != null ? max : r.maxSessionDuration(), r.trustPolicy(), r.tags());
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(), updated));
        });
    }

    private static ObjectNode delete(Call call) throws IamException, IOException {
        String name = call.params().required("RoleName", Constraint.ROLE_NAME);
        call.authorize("iam:DeleteRole", Holder.ROLE.arn(call, name));
        return call.write(d -> {
            Role role = find(call, d, name);
            if (!role.inlinePolicies().isEmpty()) {
                throw IamException.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!role.attachedPolicies().isEmpty()) {
                throw IamException.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().deleteRole(call.accountId(), role.name()));
        });
    }

    private static ObjectNode list(Call call) throws IamException {
        String prefix = call.params().optional("PathPrefix", Constraint.PATH_PREFIX, "/");
        call.authorize("iam:ListRoles", call.arn("role", prefix, ""));
        Directory d = call.directory();
        List<Role> roles = new ArrayList<>(call.account(d).roles().values());
        roles.removeIf(r -> !r.path().startsWith(prefix));
        roles.sort(Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT)));
        // AWS: "This operation does not return the following attributes ...: PermissionsBoundary, RoleLastUsed, Tags"
        return Pages.page(call, Shapes.object(), "Roles", roles, r -> Shapes.without(
                Shapes.role(r, d.partition(), call.accountId(), true), "PermissionsBoundary", "Tags"));
    }

    private static ObjectNode updateTrust(Call call) throws IamException, IOException {
        String name = call.params().required("RoleName", Constraint.ROLE_NAME);
        PolicyDocument trust = Policies.document(call.params().required("PolicyDocument"), PolicyKind.TRUST);
        call.authorize("iam:UpdateAssumeRolePolicy", Holder.ROLE.arn(call, name));
        return call.write(d -> {
            Role r = find(call, d, name);
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(),
                    copy(r, r.description(), r.maxSessionDuration(), trust, r.tags())));
        });
    }

    private static ObjectNode tag(Call call) throws IamException, IOException {
        String name = call.params().required("RoleName", Constraint.ROLE_NAME);
        List<Tag> tags = Tagging.checked(call, call.params().tags("Tags"));
        call.authorize("iam:TagRole", Holder.ROLE.arn(call, name));
        return call.write(d -> {
            Role r = find(call, d, name);
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(),
                    copy(r, r.description(), r.maxSessionDuration(), r.trustPolicy(), Tagging.merge(call, r.tags(), tags))));
        });
    }

    private static ObjectNode untag(Call call) throws IamException, IOException {
        String name = call.params().required("RoleName", Constraint.ROLE_NAME);
        List<String> keys = call.params().list("TagKeys");
        call.authorize("iam:UntagRole", Holder.ROLE.arn(call, name));
        return call.write(d -> {
            Role r = find(call, d, name);
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(),
                    copy(r, r.description(), r.maxSessionDuration(), r.trustPolicy(), Tagging.without(r.tags(), keys))));
        });
    }

    private static ObjectNode listTags(Call call) throws IamException {
        String name = call.params().required("RoleName", Constraint.ROLE_NAME);
        call.authorize("iam:ListRoleTags", Holder.ROLE.arn(call, name));
        ObjectNode out = Shapes.object();
        Shapes.tags(out, "Tags", Tagging.byKey(find(call, call.directory(), name).tags()), true);
        out.put("IsTruncated", false);
        return out;
    }
}
