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
 */
public record User(String name, String path, String id, Instant createDate, List<Tag> tags, List<String> groups,
                   List<String> attachedPolicies, Map<String, PolicyDocument> inlinePolicies, String permissionsBoundary,
                   List<AccessKey> accessKeys) {

    public User {
        tags = List.copyOf(tags);
        groups = List.copyOf(groups);
        attachedPolicies = List.copyOf(attachedPolicies);
        inlinePolicies = Ordered.copy(inlinePolicies);
        accessKeys = List.copyOf(accessKeys);
    }

    /** {@code arn:PARTITION:iam::ACCOUNT:user/PATH/NAME}. */
    public String arn(String partition, String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":user" + path + name;
    }
}
