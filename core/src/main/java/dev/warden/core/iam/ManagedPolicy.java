package dev.warden.core.iam;

import java.time.Instant;
import java.util.List;

/**
 * A managed policy: customer-managed (in an account) or shipped with the application ({@code
 * arn:aws:iam::aws:policy/NAME}, like AWS's own managed policies).
 *
 * @param name the policy name, unique in its account without regard to case
 * @param path the path
 * @param id the unique id, {@code ANPA...}
 * @param createDate when it was created
 * @param updateDate when its default version last changed
 * @param description its description, or {@code null}
 * @param defaultVersionId the version in force, e.g. {@code v2}
 * @param versions its versions (at most 5), oldest first
 * @param tags its tags
 */
public record ManagedPolicy(String name, String path, String id, Instant createDate, Instant updateDate,
                            String description, String defaultVersionId, List<PolicyVersion> versions, List<Tag> tags) {

    public ManagedPolicy {
        versions = List.copyOf(versions);
        tags = List.copyOf(tags);
    }

    /** One version of a managed policy. */
    public record PolicyVersion(String versionId, Instant createDate, PolicyDocument document) {
    }

    /** The version in force. */
    public PolicyVersion defaultVersion() {
        return version(defaultVersionId);
    }

    /** The version {@code versionId}, or {@code null}. */
    public PolicyVersion version(String versionId) {
        for (PolicyVersion v : versions) {
            if (v.versionId().equals(versionId)) {
                return v;
            }
        }
        return null;
    }

    /** {@code arn:PARTITION:iam::OWNER:policy/PATH/NAME}, where the owner is an account id or {@code aws}. */
    public String arn(String partition, String owner) {
        return "arn:" + partition + ":iam::" + owner + ":policy" + path + name;
    }
}
