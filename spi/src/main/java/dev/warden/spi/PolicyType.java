package dev.warden.spi;

/** The kinds of policy that take part in an AWS authorization decision, named as AWS's error messages name them. */
public enum PolicyType {
    /** Policies attached to a user, group or role, inline or managed. */
    IDENTITY("identity-based policy"),
    /** A policy on the resource itself: a bucket policy, a role's trust policy, ... */
    RESOURCE("resource-based policy"),
    /** The maximum permissions an identity-based policy can grant a user or role. */
    PERMISSIONS_BOUNDARY("permissions boundary"),
    /** A policy passed when a role session or federated session was created. */
    SESSION("session policy"),
    /** An organization's service control policy (bounds what principals of its accounts may do). */
    SERVICE_CONTROL("service control policy"),
    /** An organization's resource control policy (bounds what may be done to resources of its accounts). */
    RESOURCE_CONTROL("resource control policy"),
    /** The policy of a VPC endpoint the request went through. */
    VPC_ENDPOINT("VPC endpoint policy");

    private final String phrase;

    PolicyType(String phrase) {
        this.phrase = phrase;
    }

    /** The words AWS uses for this kind in messages, e.g. {@code "service control policy"}. */
    public String phrase() {
        return phrase;
    }

    /** The phrase with its indefinite article: {@code "an identity-based policy"}, {@code "a session policy"}. */
    public String withArticle() {
        return (phrase.charAt(0) == 'i' ? "an " : "a ") + phrase;
    }
}
