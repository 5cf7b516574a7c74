package dev.warden.core.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM role.
 *
 * @param name the role name, unique in its account without regard to case
 * @param path the path
 * @param id the unique id, {@code AROA...}
 * @param createDate when it was created
 * @param description its description, or {@code null}
 * @param maxSessionDuration the longest session it grants, in seconds (3,600 to 43,200)
 * @param trustPolicy who may assume it
 * @param tags its tags
 * @param attachedPolicies the ARNs of the managed policies attached to it (at most 10)
 * @param inlinePolicies its inline policies by name
 * @param permissionsBoundary the ARN of its permissions boundary, or {@code null}
 */
public record Role(String name, String path, String id, Instant createDate, String description, int maxSessionDuration,
                   PolicyDocument trustPolicy, List<Tag> tags, List<String> attachedPolicies,
                   Map<String, PolicyDocument> inlinePolicies, String permissionsBoundary) {

    public Role {
        tags = List.copyOf(tags);
        attachedPolicies = List.copyOf(attachedPolicies);
        inlinePolicies = Ordered.copy(inlinePolicies);
    }

    /** {@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME}. */
    public String arn(String partition, String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":role" + path + name;
    }
}
