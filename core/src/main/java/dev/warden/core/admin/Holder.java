package dev.warden.core.admin;

import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.Group;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.PolicyDocument;
import dev.warden.core.iam.Role;
import dev.warden.core.iam.User;
import dev.warden.core.policy.PolicyKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three kinds of entity that hold policies (users, groups, roles), seen alike by the operations that put inline
 * policies, attach managed policies and set permissions boundaries on any of them.
 */
enum Holder {
    USER("User", "user", "UserName", Constraint.USER_NAME, PolicyKind.USER_INLINE),
    GROUP("Group", "group", "GroupName", Constraint.GROUP_NAME, PolicyKind.GROUP_INLINE),
    ROLE("Role", "role", "RoleName", Constraint.ROLE_NAME, PolicyKind.ROLE_INLINE);

    private final String noun;
    private final String type;
    private final String param;
    private final Constraint constraint;
    private final PolicyKind inlineKind;

    Holder(String noun, String type, String param, Constraint constraint, PolicyKind inlineKind) {
        this.noun = noun;
        this.type = type;
        this.param = param;
        this.constraint = constraint;
        this.inlineKind = inlineKind;
    }

    /** {@code User}, {@code Group}, {@code Role}: as in operation names. */
    String noun() {
        return noun;
    }

    /** {@code user}, {@code group}, {@code role}: as in ARNs and messages. */
    String type() {
        return type;
    }

    PolicyKind inlineKind() {
        return inlineKind;
    }

    /** The entity's name from the call's parameters ({@code UserName}, ...). */
    String name(Call call) throws IamException {
        return call.params().required(param, constraint);
    }

    /** The entity, or {@code NoSuchEntity}. */
    Object find(Call call, Directory directory, String name) throws IamException {
        var account = call.account(directory);
        Object entity = switch (this) {
            case USER -> account.user(name);
            case GROUP -> account.group(name);
            case ROLE -> account.role(name);
        };
        if (entity == null) {
            throw new IamException(IamError.NO_SUCH_ENTITY, "The " + type + " with name " + name + " cannot be found.");
        }
        return entity;
    }

    /** The entity's ARN (with its path) if it exists, otherwise the ARN it would have at the root path. */
    String arn(Call call, String name) {
        Directory d = call.directory();
        var account = d.account(call.accountId());
        if (account != null) {
            switch (this) {
                case USER -> {
                    if (account.user(name) != null) {
                        return account.user(name).arn(d.partition(), call.accountId());
                    }
                }
                case GROUP -> {
                    if (account.group(name) != null) {
                        return account.group(name).arn(d.partition(), call.accountId());
                    }
                }
                case ROLE -> {
                    if (account.role(name) != null) {
                        return account.role(name).arn(d.partition(), call.accountId());
                    }
                }
            }
        }
        return call.arn(type, "/", name);
    }

    String entityName(Object entity) {
        return switch (this) {
            case USER -> ((User) entity).name();
            case GROUP -> ((Group) entity).name();
            case ROLE -> ((Role) entity).name();
        };
    }

    Map<String, PolicyDocument> inline(Object entity) {
        return switch (this) {
            case USER -> ((User) entity).inlinePolicies();
            case GROUP -> ((Group) entity).inlinePolicies();
            case ROLE -> ((Role) entity).inlinePolicies();
        };
    }

    List<String> attached(Object entity) {
        return switch (this) {
            case USER -> ((User) entity).attachedPolicies();
            case GROUP -> ((Group) entity).attachedPolicies();
            case ROLE -> ((Role) entity).attachedPolicies();
        };
    }

    /** The entity's boundary ARN ({@code null} for groups, which have none). */
    String boundary(Object entity) {
        return switch (this) {
            case USER -> ((User) entity).permissionsBoundary();
            case GROUP -> null;
            case ROLE -> ((Role) entity).permissionsBoundary();
        };
    }

    /** The inline policies' total size quota. */
    int inlineQuota(Quotas quotas) {
        return switch (this) {
            case USER -> quotas.userInlineSize();
            case GROUP -> quotas.groupInlineSize();
            case ROLE -> quotas.roleInlineSize();
        };
    }

    Object withInline(Object entity, String name, PolicyDocument document) {
        Map<String, PolicyDocument> inline = new LinkedHashMap<>(inline(entity));
        if (document == null) {
            inline.remove(name);
        } else {
            inline.put(name, document);
        }
        return switch (this) {
            case USER -> {
                User u = (User) entity;
                yield u.withInlinePolicies(inline);
            }
            case GROUP -> {
                Group g = (Group) entity;
                yield new Group(g.name(), g.path(), g.id(), g.createDate(), g.attachedPolicies(), inline);
            }
            case ROLE -> {
                Role r = (Role) entity;
                yield new Role(r.name(), r.path(), r.id(), r.createDate(), r.description(), r.maxSessionDuration(),
                        r.trustPolicy(), r.tags(), r.attachedPolicies(), inline, r.permissionsBoundary());
            }
        };
    }

    Object withAttached(Object entity, List<String> attached) {
        return switch (this) {
            case USER -> {
                User u = (User) entity;
                yield u.withAttachedPolicies(attached);
            }
            case GROUP -> {
                Group g = (Group) entity;
                yield new Group(g.name(), g.path(), g.id(), g.createDate(), attached, g.inlinePolicies());
            }
            case ROLE -> {
                Role r = (Role) entity;
                yield new Role(r.name(), r.path(), r.id(), r.createDate(), r.description(), r.maxSessionDuration(),
                        r.trustPolicy(), r.tags(), attached, r.inlinePolicies(), r.permissionsBoundary());
            }
        };
    }

    Object withBoundary(Object entity, String boundary) {
        return switch (this) {
            case USER -> {
                User u = (User) entity;
                yield u.withPermissionsBoundary(boundary);
            }
            case GROUP -> throw new IllegalArgumentException("groups have no permissions boundary");
            case ROLE -> {
                Role r = (Role) entity;
                yield new Role(r.name(), r.path(), r.id(), r.createDate(), r.description(), r.maxSessionDuration(),
                        r.trustPolicy(), r.tags(), r.attachedPolicies(), r.inlinePolicies(), boundary);
            }
        };
    }

    Changes put(Changes changes, String accountId, Object entity) {
        return switch (this) {
            case USER -> changes.put(accountId, (User) entity);
            case GROUP -> changes.put(accountId, (Group) entity);
            case ROLE -> changes.put(accountId, (Role) entity);
        };
    }
}
