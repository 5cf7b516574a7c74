package dev.warden.core.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM group. Its members are the users that list it.
 *
 * @param name the group name, unique in its account without regard to case
 * @param path the path
 * @param id the unique id, {@code AGPA...}
 * @param createDate when it was created
 * @param attachedPolicies the ARNs of the managed policies attached to it (at most 10)
 * @param inlinePolicies its inline policies by name
 */
public record Group(String name, String path, String id, Instant createDate, List<String> attachedPolicies,
                    Map<String, PolicyDocument> inlinePolicies) {

    public Group {
        attachedPolicies = List.copyOf(attachedPolicies);
        inlinePolicies = Ordered.copy(inlinePolicies);
    }

    /** {@code arn:PARTITION:iam::ACCOUNT:group/PATH/NAME}. */
    public String arn(String partition, String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":group" + path + name;
    }
}
