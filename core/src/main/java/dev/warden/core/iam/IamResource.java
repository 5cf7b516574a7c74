package dev.warden.core.iam;

import dev.warden.spi.ContextValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What condition keys see of an IAM resource that a request names by ARN: its tags and, for a user or role, its
 * permissions boundary. AWS's Service Authorization Reference gives every IAM resource that has tags
 * {@code aws:ResourceTag/KEY}, and users and roles also {@code iam:ResourceTag/KEY} ("the tags attached to an IAM
 * entity"); groups have no tags in IAM, and Warden's virtual MFA devices none either.
 *
 * @param tags the resource's tags
 * @param identity whether it is a user or a role
 * @param permissionsBoundary the ARN of its permissions boundary, or {@code null} (always for non-identities)
 */
public record IamResource(List<Tag> tags, boolean identity, String permissionsBoundary) {

    public IamResource {
        tags = List.copyOf(tags);
    }

    /**
     * The user, role, managed policy (customer-managed or shipped) or OpenID Connect provider that {@code arn} names
     * exactly (path included), or {@code null} for anything else, including an ARN that is not an IAM ARN.
     */
    public static IamResource find(Directory directory, String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[1].equals(directory.partition())
                || !parts[2].equals("iam") || !parts[3].isEmpty()) {
            return null;
        }
        String resource = parts[5];
        if (resource.startsWith("policy/")) {
            ManagedPolicy policy = directory.managedPolicy(arn);
            return policy == null ? null : new IamResource(policy.tags(), false, null);
        }
        Account account = directory.account(parts[4]);
        if (account == null) {
            return null;
        }
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        if (resource.startsWith("user/")) {
            User user = account.user(name);
            return user == null || !user.arn(directory.partition(), account.id()).equals(arn) ? null
                    : new IamResource(user.tags(), true, user.permissionsBoundary());
        }
        if (resource.startsWith("role/")) {
            Role role = account.role(name);
            return role == null || !role.arn(directory.partition(), account.id()).equals(arn) ? null
                    : new IamResource(role.tags(), true, role.permissionsBoundary());
        }
        if (resource.startsWith("oidc-provider/")) {
            return account.settings().oidcProvider(resource.substring("oidc-provider/".length()))
                    .map(p -> new IamResource(p.tags(), false, null)).orElse(null);
        }
        return null;
    }

    /** {@code aws:ResourceTag/KEY} for each tag, and for a user or role {@code iam:ResourceTag/KEY}. */
    public Map<String, ContextValue> tagKeys() {
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        for (Tag tag : tags) {
            keys.put("aws:ResourceTag/" + tag.key(), ContextValue.of(tag.value()));
            if (identity) {
                keys.put("iam:ResourceTag/" + tag.key(), ContextValue.of(tag.value()));
            }
        }
        return keys;
    }
}
