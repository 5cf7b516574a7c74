package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.Tag;
import dev.warden.core.iam.UniqueIds;
import dev.warden.core.iam.User;
import dev.warden.spi.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CreateUser, GetUser, UpdateUser, DeleteUser, ListUsers, TagUser, UntagUser, ListUserTags. */
final class UserOperations {

    private UserOperations() {
    }

    static void register(IamService s) {
        s.register("CreateUser", UserOperations::create);
        s.register("GetUser", UserOperations::get);
        s.register("UpdateUser", UserOperations::update);
        s.register("DeleteUser", UserOperations::delete);
        s.register("ListUsers", UserOperations::list);
        s.register("TagUser", UserOperations::tag);
        s.register("UntagUser", UserOperations::untag);
        s.register("ListUserTags", UserOperations::listTags);
    }

    /** The user {@code name} of the call's account, or {@code NoSuchEntity}. */
    static User find(Call call, Directory directory, String name) throws IamException {
        User user = call.account(directory).user(name);
        if (user == null) {
            throw new IamException(IamError.NO_SUCH_ENTITY, "The user with name " + name + " cannot be found.");
        }
        return user;
    }

    /** The {@code UserName} parameter, or the calling user when it is absent (as AWS does). */
    static String userName(Call call) throws IamException {
        String name = call.params().optional("UserName", Constraint.USER_NAME, null);
        if (name != null) {
            return name;
        }
        Principal caller = call.caller();
        if (caller.kind() == Principal.Kind.USER && call.accountId().equals(caller.accountId())) {
            return caller.name();
        }
        throw new IamException(IamError.VALIDATION_ERROR, "Must specify userName when calling with non-User credentials");
    }

    /** The ARN the user has (or, if it does not exist, would have at the root path). */
    static String arn(Call call, String name) {
        User user = call.directory().account(call.accountId()) == null ? null
                : call.directory().account(call.accountId()).user(name);
        return user != null ? user.arn(call.partition(), call.accountId()) : call.arn("user", "/", name);
    }

    private static ObjectNode create(Call call) throws IamException, java.io.IOException {
        String name = call.params().required("UserName", Constraint.USER_NAME);
        String path = call.params().optional("Path", Constraint.PATH, "/");
        String boundary = call.params().optional("PermissionsBoundary", Constraint.ARN, null);
        List<Tag> tags = Tagging.checked(call, call.params().tags("Tags"));
        String arn = call.arn("user", path, name);
        call.authorize("iam:CreateUser", arn);
        if (boundary != null) {
            call.authorize("iam:PutUserPermissionsBoundary", arn);
        }
        if (!tags.isEmpty()) {
            call.authorize("iam:TagUser", arn);
        }
        return call.write(d -> {
            Account account = call.account(d);
            if (account.user(name) != null) {
                throw new IamException(IamError.ENTITY_ALREADY_EXISTS, "User with name " + name + " already exists.");
            }
            if (account.users().size() >= call.quotas().usersPerAccount()) {
                throw IamException.limitExceeded("UsersPerAccount", call.quotas().usersPerAccount());
            }
            if (boundary != null) {
                Policies.existing(d, boundary);
            }
            User user = new User(name, path, UniqueIds.next(UniqueIds.USER), call.now(), tags, List.of(), List.of(),
                    Map.of(), boundary, List.of());
            ObjectNode out = Shapes.object();
            out.set("User", Shapes.user(user, d.partition(), call.accountId()));
            return new LiveDirectory.Result<>(out, new Changes().put(call.accountId(), user));
        });
    }

    /** Without {@code UserName}, the caller itself: a user, or the root user (its account id as {@code UserId}). */
    private static ObjectNode get(Call call) throws IamException {
        CredentialOwner owner = CredentialOwner.of(call);
        call.authorize("iam:GetUser", owner.arn(call));
        Directory d = call.directory();
        ObjectNode out = Shapes.object();
        out.set("User", owner.root() ? Shapes.rootUser(call.account(d), d.partition())
                : Shapes.user(owner.user(call, d), d.partition(), call.accountId()));
        return out;
    }

    private static ObjectNode update(Call call) throws IamException, java.io.IOException {
        String name = call.params().required("UserName", Constraint.USER_NAME);
        String newName = call.params().optional("NewUserName", Constraint.USER_NAME, null);
        String newPath = call.params().optional("NewPath", Constraint.PATH, null);
        call.authorize("iam:UpdateUser", arn(call, name));
        if (newName != null || newPath != null) {
            User current = call.directory().account(call.accountId()) == null ? null
                    : call.directory().account(call.accountId()).user(name);
            String path = newPath != null ? newPath : current != null ? current.path() : "/";
            call.authorize("iam:UpdateUser", call.arn("user", path, newName != null ? newName : name));
        }
        return call.write(d -> {
            Account account = call.account(d);
            User user = find(call, d, name);
            String targetName = newName != null ? newName : user.name();
            if (!targetName.equalsIgnoreCase(user.name()) && account.user(targetName) != null) {
                throw new IamException(IamError.ENTITY_ALREADY_EXISTS, "User with name " + targetName + " already exists.");
            }
            User renamed = user.renamed(targetName, newPath != null ? newPath : user.path());
            Changes changes = new Changes();
            if (!targetName.equals(user.name())) {
                changes.deleteUser(call.accountId(), user.name());
            }
            return new LiveDirectory.Result<>(Shapes.object(), changes.put(call.accountId(), renamed));
        });
    }

    private static ObjectNode delete(Call call) throws IamException, java.io.IOException {
        String name = call.params().required("UserName", Constraint.USER_NAME);
        call.authorize("iam:DeleteUser", arn(call, name));
        return call.write(d -> {
            User user = find(call, d, name);
            if (!user.inlinePolicies().isEmpty()) {
                throw IamException.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!user.attachedPolicies().isEmpty()) {
                throw IamException.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!user.groups().isEmpty()) {
                throw IamException.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            if (!user.accessKeys().isEmpty()) {
                throw IamException.deleteConflict("Cannot delete entity, must delete access keys first.");
            }
            if (user.loginProfile() != null) {
                throw IamException.deleteConflict("Cannot delete entity, must delete login profile first.");
            }
            if (call.account(d).settings().mfaDevices().stream().anyMatch(m -> user.name().equals(m.userName()))) {
                throw IamException.deleteConflict("Cannot delete entity, must delete MFA device first.");
            }
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().deleteUser(call.accountId(), user.name()));
        });
    }

    private static ObjectNode list(Call call) throws IamException {
        String prefix = call.params().optional("PathPrefix", Constraint.PATH_PREFIX, "/");
        call.authorize("iam:ListUsers", call.arn("user", prefix, ""));
        Directory d = call.directory();
        List<User> users = new ArrayList<>(call.account(d).users().values());
        users.removeIf(u -> !u.path().startsWith(prefix));
        users.sort(Comparator.comparing(u -> u.name().toLowerCase(Locale.ROOT)));
        // AWS: "This operation does not return the following attributes ...: PermissionsBoundary, Tags"
        return Pages.page(call, Shapes.object(), "Users", users, u -> Shapes.without(
                Shapes.user(u, d.partition(), call.accountId()), "PermissionsBoundary", "Tags"));
    }

    private static ObjectNode tag(Call call) throws IamException, java.io.IOException {
        String name = call.params().required("UserName", Constraint.USER_NAME);
        List<Tag> tags = Tagging.checked(call, call.params().tags("Tags"));
        call.authorize("iam:TagUser", arn(call, name));
        return call.write(d -> {
            User u = find(call, d, name);
            List<Tag> merged = Tagging.merge(call, u.tags(), tags);
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(),
                    u.withTags(merged)));
        });
    }

    private static ObjectNode untag(Call call) throws IamException, java.io.IOException {
        String name = call.params().required("UserName", Constraint.USER_NAME);
        List<String> keys = call.params().list("TagKeys");
        call.authorize("iam:UntagUser", arn(call, name));
        return call.write(d -> {
            User u = find(call, d, name);
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(),
                    u.withTags(Tagging.without(u.tags(), keys))));
        });
    }

    private static ObjectNode listTags(Call call) throws IamException {
        String name = call.params().required("UserName", Constraint.USER_NAME);
        call.authorize("iam:ListUserTags", arn(call, name));
        ObjectNode out = Shapes.object();
        Shapes.tags(out, "Tags", Tagging.byKey(find(call, call.directory(), name).tags()), true);
        out.put("IsTruncated", false);
        return out;
    }
}
