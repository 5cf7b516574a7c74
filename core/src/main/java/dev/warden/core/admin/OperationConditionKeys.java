package dev.warden.core.admin;

import dev.warden.core.iam.IamException;
import dev.warden.core.iam.IamResource;
import dev.warden.core.iam.Tag;
import dev.warden.spi.ContextValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service-specific condition keys of an IAM call, supplied exactly where AWS's Service Authorization Reference
 * ("Actions, resources, and condition keys for AWS Identity and Access Management") lists them for the operation:
 * <ul>
 *   <li>{@code iam:PolicyARN}: the {@code PolicyArn} being attached or detached;</li>
 *   <li>{@code iam:PermissionsBoundary}: the boundary asked for by CreateUser, CreateRole and
 *       Put*PermissionsBoundary, and the target's current boundary for the operations that change (or, for roles,
 *       read) a user's or role's permissions, so that "only if boundary X is attached" guardrails hold;</li>
 *   <li>{@code aws:RequestTag/KEY} and {@code aws:TagKeys}: the tags of Create* and Tag* requests, and
 *       {@code aws:TagKeys} the keys Untag* removes;</li>
 *   <li>{@code aws:ResourceTag/KEY} (and {@code iam:ResourceTag/KEY} for users and roles): the tags of the existing
 *       entity the call is authorized on, for every operation but those that create it.</li>
 * </ul>
 * Every authorization made during one call (CreateUser's own, and its {@code iam:TagUser} and
 * {@code iam:PutUserPermissionsBoundary} for the tags and boundary it sets) sees the same request keys, as AWS
 * evaluates one request context per request. Values come from the call's parameters, which the operation has already
 * validated; keys the request does not carry are absent, as in AWS.
 */
final class OperationConditionKeys {

    private static final Set<String> POLICY_ARN = Set.of("AttachUserPolicy", "DetachUserPolicy",
            "AttachGroupPolicy", "DetachGroupPolicy", "AttachRolePolicy", "DetachRolePolicy");
    /** Operations whose {@code iam:PermissionsBoundary} is the {@code PermissionsBoundary} parameter. */
    private static final Set<String> REQUESTED_BOUNDARY = Set.of("CreateUser", "CreateRole",
            "PutUserPermissionsBoundary", "PutRolePermissionsBoundary");
    /** Operations whose {@code iam:PermissionsBoundary} is the boundary the target user or role has now. */
    private static final Set<String> CURRENT_BOUNDARY = Set.of("AttachUserPolicy", "DetachUserPolicy",
            "PutUserPolicy", "DeleteUserPolicy", "DeleteUserPermissionsBoundary", "AttachRolePolicy",
            "DetachRolePolicy", "PutRolePolicy", "DeleteRolePolicy", "DeleteRolePermissionsBoundary", "DeleteRole",
            "GetRole", "UpdateRole", "UpdateAssumeRolePolicy");
    /** Operations whose {@code Tags} are {@code aws:RequestTag/KEY} and {@code aws:TagKeys}. */
    private static final Set<String> REQUEST_TAGS = Set.of("CreateUser", "CreateRole", "CreatePolicy",
            "CreateOpenIDConnectProvider", "TagUser", "TagRole", "TagPolicy", "TagOpenIDConnectProvider");
    /** Operations whose {@code TagKeys} are {@code aws:TagKeys}. */
    private static final Set<String> REMOVED_TAG_KEYS = Set.of("UntagUser", "UntagRole", "UntagPolicy",
            "UntagOpenIDConnectProvider");
    /** Operations whose resource is the entity they create: it has no tags yet. */
    private static final Set<String> CREATES = Set.of("CreateUser", "CreateRole", "CreateGroup", "CreatePolicy",
            "CreateOpenIDConnectProvider", "CreateVirtualMFADevice");

    private OperationConditionKeys() {
    }

    /**
     * The keys of IAM operation {@code operation} (as registered: {@code AttachUserPolicy}) with {@code params},
     * authorized on a resource that is {@code target} ({@code null} when it names no existing entity).
     */
    static Map<String, ContextValue> of(String operation, Params params, IamResource target) throws IamException {
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        if (target != null && !CREATES.contains(operation)) {
            keys.putAll(target.tagKeys());
        }
        if (POLICY_ARN.contains(operation)) {
            putIfPresent(keys, "iam:PolicyARN", params.optional("PolicyArn"));
        }
        if (REQUESTED_BOUNDARY.contains(operation)) {
            putIfPresent(keys, "iam:PermissionsBoundary", params.optional("PermissionsBoundary"));
        } else if (CURRENT_BOUNDARY.contains(operation) && target != null) {
            putIfPresent(keys, "iam:PermissionsBoundary", target.permissionsBoundary());
        }
        List<String> tagKeys = new ArrayList<>();
        if (REQUEST_TAGS.contains(operation)) {
            for (Tag tag : params.tags("Tags")) {
                keys.put("aws:RequestTag/" + tag.key(), ContextValue.of(tag.value()));
                tagKeys.add(tag.key());
            }
        } else if (REMOVED_TAG_KEYS.contains(operation)) {
            tagKeys.addAll(params.list("TagKeys"));
        }
        if (!tagKeys.isEmpty()) {
            keys.put("aws:TagKeys", ContextValue.ofSet(tagKeys));
        }
        return keys;
    }

    private static void putIfPresent(Map<String, ContextValue> keys, String key, String value) {
        if (value != null) {
            keys.put(key, ContextValue.of(value));
        }
    }
}
