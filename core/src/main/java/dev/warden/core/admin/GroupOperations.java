package dev.warden.core.admin;


import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.Group;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.UniqueIds;
import dev.warden.core.iam.User;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups, AddUserToGroup, RemoveUserFromGroup,
 * ListGroupsForUser. A group's members are the users that list it, so membership changes write the user.
 */
final class GroupOperations {

    private GroupOperations() {
    }

    static void register(IamService s) {
        s.register("CreateGroup", GroupOperations::create);
        s.register("GetGroup", GroupOperations::get);
        s.register("UpdateGroup", GroupOperations::update);
        s.register("DeleteGroup", GroupOperations::delete);
        s.register("ListGroups", GroupOperations::list);
        s.register("AddUserToGroup", GroupOperations::addUser);
        s.register("RemoveUserFromGroup", GroupOperations::removeUser);
        s.register("ListGroupsForUser", GroupOperations::listForUser);
    }

    private static Group find(Call call, Directory d, String name) throws IamException {
        return (Group) Holder.GROUP.find(call, d, name);
    }

    private static List<User> members(Account account, Group group) {
        List<User> members = new ArrayList<>();
        for (User user : account.users().values()) {
            if (user.groups().stream().anyMatch(g -> g.equalsIgnoreCase(group.name()))) {
                members.add(user);
            }
        }
        members.sort(Comparator.comparing(u -> u.name().toLowerCase(Locale.ROOT)));
        return members;
    }

    private static User withGroups(User u, List<String> groups) {
        return u.withGroups(groups);
    }

    private static ObjectNode create(Call call) throws IamException, IOException {
        String name = call.params().required("GroupName", Constraint.GROUP_NAME);
        String path = call.params().optional("Path", Constraint.PATH, "/");
        call.authorize("iam:CreateGroup", call.arn("group", path, name));
        return call.write(d -> {
            Account account = call.account(d);
            if (account.group(name) != null) {
                throw new IamException(IamError.ENTITY_ALREADY_EXISTS, "Group with name " + name + " already exists.");
            }
            if (account.groups().size() >= call.quotas().groupsPerAccount()) {
                throw IamException.limitExceeded("GroupsPerAccount", call.quotas().groupsPerAccount());
            }
            Group group = new Group(name, path, UniqueIds.next(UniqueIds.GROUP), call.now(), List.of(), Map.of());
            ObjectNode out = Shapes.object();
            out.set("Group", Shapes.group(group, d.partition(), call.accountId()));
            return new LiveDirectory.Result<>(out, new Changes().put(call.accountId(), group));
        });
    }

    private static ObjectNode get(Call call) throws IamException {
        String name = call.params().required("GroupName", Constraint.GROUP_NAME);
        call.authorize("iam:GetGroup", Holder.GROUP.arn(call, name));
        Directory d = call.directory();
        Group group = find(call, d, name);
        ObjectNode out = Pages.page(call, Shapes.object(), "Users", members(call.account(d), group),
                u -> Shapes.user(u, d.partition(), call.accountId()));
        out.set("Group", Shapes.group(group, d.partition(), call.accountId()));
        return out;
    }

    private static ObjectNode update(Call call) throws IamException, IOException {
        String name = call.params().required("GroupName", Constraint.GROUP_NAME);
        String newName = call.params().optional("NewGroupName", Constraint.GROUP_NAME, null);
        String newPath = call.params().optional("NewPath", Constraint.PATH, null);
        call.authorize("iam:UpdateGroup", Holder.GROUP.arn(call, name));
        if (newName != null || newPath != null) {
            // AWS: the caller needs permission on the group under its old name and its new name
            Group current = call.directory().account(call.accountId()) == null ? null
                    : call.directory().account(call.accountId()).group(name);
            String path = newPath != null ? newPath : current != null ? current.path() : "/";
            call.authorize("iam:UpdateGroup", call.arn("group", path, newName != null ? newName : name));
        }
        return call.write(d -> {
            Account account = call.account(d);
            Group group = find(call, d, name);
            String target = newName != null ? newName : group.name();
            if (!target.equalsIgnoreCase(group.name()) && account.group(target) != null) {
                throw new IamException(IamError.ENTITY_ALREADY_EXISTS, "Group with name " + target + " already exists.");
            }
            Changes changes = new Changes();
            if (!target.equals(group.name())) {
                changes.deleteGroup(call.accountId(), group.name());
                for (User member : members(account, group)) {
                    List<String> groups = new ArrayList<>(member.groups());
                    groups.replaceAll(g -> g.equalsIgnoreCase(group.name()) ? target : g);
                    changes.put(call.accountId(), withGroups(member, groups));
                }
            }
            changes.put(call.accountId(), new Group(target, newPath != null ? newPath : group.path(), group.id(),
                    group.createDate(), group.attachedPolicies(), group.inlinePolicies()));
            return new LiveDirectory.Result<>(Shapes.object(), changes);
        });
    }

    private static ObjectNode delete(Call call) throws IamException, IOException {
        String name = call.params().required("GroupName", Constraint.GROUP_NAME);
        call.authorize("iam:DeleteGroup", Holder.GROUP.arn(call, name));
        return call.write(d -> {
            Group group = find(call, d, name);
            if (!members(call.account(d), group).isEmpty()) {
                throw IamException.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            if (!group.inlinePolicies().isEmpty()) {
                throw IamException.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!group.attachedPolicies().isEmpty()) {
                throw IamException.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().deleteGroup(call.accountId(), group.name()));
        });
    }

    private static ObjectNode list(Call call) throws IamException {
        String prefix = call.params().optional("PathPrefix", Constraint.PATH_PREFIX, "/");
        call.authorize("iam:ListGroups", call.arn("group", prefix, ""));
        Directory d = call.directory();
        List<Group> groups = new ArrayList<>(call.account(d).groups().values());
        groups.removeIf(g -> !g.path().startsWith(prefix));
        groups.sort(Comparator.comparing(g -> g.name().toLowerCase(Locale.ROOT)));
        return Pages.page(call, Shapes.object(), "Groups", groups, g -> Shapes.group(g, d.partition(), call.accountId()));
    }

    private static ObjectNode addUser(Call call) throws IamException, IOException {
        String groupName = call.params().required("GroupName", Constraint.GROUP_NAME);
        String userName = call.params().required("UserName", Constraint.USER_NAME);
        call.authorize("iam:AddUserToGroup", Holder.GROUP.arn(call, groupName));
        return call.write(d -> {
            Group group = find(call, d, groupName);
            User user = UserOperations.find(call, d, userName);
            if (user.groups().stream().anyMatch(g -> g.equalsIgnoreCase(group.name()))) {
                return new LiveDirectory.Result<>(Shapes.object(), new Changes());
            }
            if (user.groups().size() >= call.quotas().groupsPerUser()) {
                throw IamException.limitExceeded("GroupsPerUser", call.quotas().groupsPerUser());
            }
            List<String> groups = new ArrayList<>(user.groups());
            groups.add(group.name());
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(), withGroups(user, groups)));
        });
    }

    private static ObjectNode removeUser(Call call) throws IamException, IOException {
        String groupName = call.params().required("GroupName", Constraint.GROUP_NAME);
        String userName = call.params().required("UserName", Constraint.USER_NAME);
        call.authorize("iam:RemoveUserFromGroup", Holder.GROUP.arn(call, groupName));
        return call.write(d -> {
            Group group = find(call, d, groupName);
            User user = UserOperations.find(call, d, userName);
            List<String> groups = new ArrayList<>(user.groups());
            if (!groups.removeIf(g -> g.equalsIgnoreCase(group.name()))) {
                throw new IamException(IamError.NO_SUCH_ENTITY, "The user with name " + userName
                        + " is not in group " + group.name() + ".");
            }
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(), withGroups(user, groups)));
        });
    }

    private static ObjectNode listForUser(Call call) throws IamException {
        String userName = call.params().required("UserName", Constraint.USER_NAME);
        call.authorize("iam:ListGroupsForUser", UserOperations.arn(call, userName));
        Directory d = call.directory();
        User user = UserOperations.find(call, d, userName);
        Account account = call.account(d);
        List<Group> groups = new ArrayList<>();
        for (String name : user.groups()) {
            if (account.group(name) != null) {
                groups.add(account.group(name));
            }
        }
        return Pages.page(call, Shapes.object(), "Groups", groups, g -> Shapes.group(g, d.partition(), call.accountId()));
    }

}
