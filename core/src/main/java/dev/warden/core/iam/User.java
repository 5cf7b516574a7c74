package dev.warden.core.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM user.
 *
 * @param name the user name, unique in its account without regard to case
 * @param path the path, {@code /} or {@code /a/b/}
 * @param id the unique id, {@code AIDA...}
 * @param createDate when it was created
 * @param tags its tags
 * @param groups the names of the groups it belongs to (at most 10)
 * @param attachedPolicies the ARNs of the managed policies attached to it (at most 10)
 * @param inlinePolicies its inline policies by name, in the order they were added
 * @param permissionsBoundary the ARN of its permissions boundary, or {@code null}
 * @param accessKeys its access keys (at most 2)
 * @param loginProfile its console password, or {@code null} when it has none
 * @param passwordLastUsed when its password was last used to sign in, or {@code null}
 */
public record User(String name, String path, String id, Instant createDate, List<Tag> tags, List<String> groups,
                   List<String> attachedPolicies, Map<String, PolicyDocument> inlinePolicies, String permissionsBoundary,
                   List<AccessKey> accessKeys, LoginProfile loginProfile, Instant passwordLastUsed) {

    public User {
        tags = List.copyOf(tags);
        groups = List.copyOf(groups);
        attachedPolicies = List.copyOf(attachedPolicies);
        inlinePolicies = Ordered.copy(inlinePolicies);
        accessKeys = List.copyOf(accessKeys);
    }

    /** A user without a console password. */
    public User(String name, String path, String id, Instant createDate, List<Tag> tags, List<String> groups,
                List<String> attachedPolicies, Map<String, PolicyDocument> inlinePolicies, String permissionsBoundary,
                List<AccessKey> accessKeys) {
        this(name, path, id, createDate, tags, groups, attachedPolicies, inlinePolicies, permissionsBoundary,
                accessKeys, null, null);
    }

    public User renamed(String newName, String newPath) {
        return new User(newName, newPath, id, createDate, tags, groups, attachedPolicies, inlinePolicies,
                permissionsBoundary, accessKeys, loginProfile, passwordLastUsed);
    }

    public User withTags(List<Tag> newTags) {
        return new User(name, path, id, createDate, newTags, groups, attachedPolicies, inlinePolicies,
                permissionsBoundary, accessKeys, loginProfile, passwordLastUsed);
    }

    public User withGroups(List<String> newGroups) {
        return new User(name, path, id, createDate, tags, newGroups, attachedPolicies, inlinePolicies,
                permissionsBoundary, accessKeys, loginProfile, passwordLastUsed);
    }

    public User withAttachedPolicies(List<String> arns) {
        return new User(name, path, id, createDate, tags, groups, arns, inlinePolicies, permissionsBoundary,
                accessKeys, loginProfile, passwordLastUsed);
    }

    public User withInlinePolicies(Map<String, PolicyDocument> policies) {
        return new User(name, path, id, createDate, tags, groups, attachedPolicies, policies, permissionsBoundary,
                accessKeys, loginProfile, passwordLastUsed);
    }

    public User withPermissionsBoundary(String arn) {
        return new User(name, path, id, createDate, tags, groups, attachedPolicies, inlinePolicies, arn, accessKeys,
                loginProfile, passwordLastUsed);
    }

    public User withAccessKeys(List<AccessKey> keys) {
        return new User(name, path, id, createDate, tags, groups, attachedPolicies, inlinePolicies,
                permissionsBoundary, keys, loginProfile, passwordLastUsed);
    }

    public User withLoginProfile(LoginProfile profile) {
        return new User(name, path, id, createDate, tags, groups, attachedPolicies, inlinePolicies,
                permissionsBoundary, accessKeys, profile, passwordLastUsed);
    }

    public User withPasswordLastUsed(Instant when) {
        return new User(name, path, id, createDate, tags, groups, attachedPolicies, inlinePolicies,
                permissionsBoundary, accessKeys, loginProfile, when);
    }

    /** {@code arn:PARTITION:iam::ACCOUNT:user/PATH/NAME}. */
    public String arn(String partition, String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":user" + path + name;
    }
}
