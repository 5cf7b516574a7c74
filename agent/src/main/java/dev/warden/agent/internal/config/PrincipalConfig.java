package dev.warden.agent.internal.config;

/**
 * How to find the caller of an enforced method when no {@code RequestContext} is bound.
 *
 * @param source where the caller's name or ARN comes from
 * @param member for {@link PrincipalSource#STATIC_METHOD} the method, for {@link PrincipalSource#THREAD_LOCAL} the
 *     field, as {@code fully.qualified.Class.member}; {@code null} otherwise
 * @param arnTemplate how a name becomes an ARN: {@code arn:aws:iam::111122223333:user/{name}}; a value that already
 *     is an ARN is taken as it is
 */
public record PrincipalConfig(PrincipalSource source, String member, String arnTemplate) {

    /** Only the application's own {@code RequestContext}. */
    public static PrincipalConfig requestContextOnly() {
        return new PrincipalConfig(PrincipalSource.REQUEST_CONTEXT, null, null);
    }

    /** The member's class: {@code com.example.Auth} of {@code com.example.Auth.currentUser}. */
    public String memberClass() {
        return member.substring(0, member.lastIndexOf('.'));
    }

    /** The member's simple name: {@code currentUser} of {@code com.example.Auth.currentUser}. */
    public String memberName() {
        return member.substring(member.lastIndexOf('.') + 1);
    }
}
