package dev.warden.core.policy;

/**
 * What a policy document is used as. The kind decides which elements a statement must or must not have and how
 * long the document may be: AWS's quotas, counted in characters without whitespace.
 */
public enum PolicyKind {
    USER_INLINE("user inline policy", 2_048, Shape.IDENTITY),
    GROUP_INLINE("group inline policy", 5_120, Shape.IDENTITY),
    ROLE_INLINE("role inline policy", 10_240, Shape.IDENTITY),
    /** A managed policy, also what a permissions boundary is. */
    MANAGED("managed policy", 6_144, Shape.IDENTITY),
    SESSION("session policy", 2_048, Shape.IDENTITY),
    TRUST("role trust policy", 2_048, Shape.TRUST),
    /** A resource-based policy such as a bucket policy (S3's quota: 20 KB). */
    RESOURCE("resource-based policy", 20_480, Shape.RESOURCE),
    SERVICE_CONTROL("service control policy", 5_120, Shape.SERVICE_CONTROL),
    RESOURCE_CONTROL("resource control policy", 5_120, Shape.RESOURCE_CONTROL),
    VPC_ENDPOINT("VPC endpoint policy", 20_480, Shape.RESOURCE);

    /** Which elements the statements of a kind take. */
    enum Shape { IDENTITY, TRUST, RESOURCE, SERVICE_CONTROL, RESOURCE_CONTROL }

    private final String description;
    private final int maxCharacters;
    private final Shape shape;

    PolicyKind(String description, int maxCharacters, Shape shape) {
        this.description = description;
        this.maxCharacters = maxCharacters;
        this.shape = shape;
    }

    /** What AWS calls this kind, e.g. {@code "role trust policy"}. */
    public String description() {
        return description;
    }

    /** AWS's size quota for this kind, in characters not counting whitespace. */
    public int maxCharacters() {
        return maxCharacters;
    }

    Shape shape() {
        return shape;
    }

    /** Whether statements of this kind name a principal (resource-based, trust and resource control policies). */
    public boolean takesPrincipal() {
        return shape == Shape.TRUST || shape == Shape.RESOURCE || shape == Shape.RESOURCE_CONTROL;
    }
}
