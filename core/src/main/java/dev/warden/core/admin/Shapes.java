package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.AccessKey;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Group;
import dev.warden.core.iam.ManagedPolicy;
import dev.warden.core.iam.Role;
import dev.warden.core.iam.Tag;
import dev.warden.core.iam.User;
import java.util.List;

/**
 * IAM entities in the shapes AWS returns them (the keys the AWS CLI prints: {@code UserName}, {@code Arn},
 * {@code CreateDate}, ...). Policy documents are returned as their verbatim text under keys ending in
 * {@code Document}; the CLI shows them as JSON, the Query API URL-encodes them, as AWS does.
 */
final class Shapes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Shapes() {
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }

    static ObjectNode user(User u, String partition, String accountId) {
        ObjectNode n = object();
        n.put("Path", u.path());
        n.put("UserName", u.name());
        n.put("UserId", u.id());
        n.put("Arn", u.arn(partition, accountId));
        n.put("CreateDate", u.createDate().toString());
        boundary(n, u.permissionsBoundary());
        tags(n, "Tags", u.tags(), false);
        return n;
    }

    /** The root user as IAM shows it: the account id as its unique id, the root ARN, the account's creation. */
    static ObjectNode rootUser(Account account, String partition) {
        ObjectNode n = object();
        n.put("UserId", account.id());
        n.put("Arn", account.rootArn(partition));
        n.put("CreateDate", account.createDate().toString());
        if (account.root().passwordLastUsed() != null) {
            n.put("PasswordLastUsed", account.root().passwordLastUsed().toString());
        }
        return n;
    }

    static ObjectNode group(Group g, String partition, String accountId) {
        ObjectNode n = object();
        n.put("Path", g.path());
        n.put("GroupName", g.name());
        n.put("GroupId", g.id());
        n.put("Arn", g.arn(partition, accountId));
        n.put("CreateDate", g.createDate().toString());
        return n;
    }

    static ObjectNode role(Role r, String partition, String accountId, boolean withDocument) {
        ObjectNode n = object();
        n.put("Path", r.path());
        n.put("RoleName", r.name());
        n.put("RoleId", r.id());
        n.put("Arn", r.arn(partition, accountId));
        n.put("CreateDate", r.createDate().toString());
        if (withDocument) {
            n.put("AssumeRolePolicyDocument", r.trustPolicy().text());
        }
        if (r.description() != null) {
            n.put("Description", r.description());
        }
        n.put("MaxSessionDuration", r.maxSessionDuration());
        boundary(n, r.permissionsBoundary());
        tags(n, "Tags", r.tags(), false);
        return n;
    }

    static ObjectNode policy(ManagedPolicy p, String arn, int attachments, int boundaryUses) {
        ObjectNode n = object();
        n.put("PolicyName", p.name());
        n.put("PolicyId", p.id());
        n.put("Arn", arn);
        n.put("Path", p.path());
        n.put("DefaultVersionId", p.defaultVersionId());
        n.put("AttachmentCount", attachments);
        n.put("PermissionsBoundaryUsageCount", boundaryUses);
        n.put("IsAttachable", true);
        if (p.description() != null) {
            n.put("Description", p.description());
        }
        n.put("CreateDate", p.createDate().toString());
        n.put("UpdateDate", p.updateDate().toString());
        tags(n, "Tags", p.tags(), false);
        return n;
    }

    static ObjectNode version(ManagedPolicy.PolicyVersion v, boolean isDefault, boolean withDocument) {
        ObjectNode n = object();
        if (withDocument) {
            n.put("Document", v.document().text());
        }
        n.put("VersionId", v.versionId());
        n.put("IsDefaultVersion", isDefault);
        n.put("CreateDate", v.createDate().toString());
        return n;
    }

    /** An access key's metadata; {@code userName} is {@code null} for the root user's, whose AWS leaves it out. */
    static ObjectNode accessKey(String userName, AccessKey key) {
        ObjectNode n = object();
        if (userName != null) {
            n.put("UserName", userName);
        }
        n.put("AccessKeyId", key.id());
        n.put("Status", key.status());
        n.put("CreateDate", key.createDate().toString());
        return n;
    }

    static ObjectNode attached(String name, String arn) {
        ObjectNode n = object();
        n.put("PolicyName", name);
        n.put("PolicyArn", arn);
        return n;
    }

    /** {@code key: [ {Key, Value}, ... ]}; with {@code always}, also when empty. */
    static void tags(ObjectNode n, String key, List<Tag> tags, boolean always) {
        if (tags.isEmpty() && !always) {
            return;
        }
        ArrayNode array = n.putArray(key);
        for (Tag tag : tags) {
            array.addObject().put("Key", tag.key()).put("Value", tag.value());
        }
    }

    private static void boundary(ObjectNode n, String arn) {
        if (arn != null) {
            n.putObject("PermissionsBoundary").put("PermissionsBoundaryType", "Policy").put("PermissionsBoundaryArn", arn);
        }
    }

    /**
     * {@code n} without {@code keys}: attributes an entity has that AWS leaves out of some answers (the listing
     * operations' and GetAccountAuthorizationDetails' shapes).
     */
    static ObjectNode without(ObjectNode n, String... keys) {
        n.remove(List.of(keys));
        return n;
    }

    /** The name a managed policy ARN ends with. */
    static String policyName(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
