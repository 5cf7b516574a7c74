package dev.warden.spi;

import java.util.Objects;

/**
 * Who makes a request: an IAM identity named by its ARN, a service principal, or nobody (anonymous).
 *
 * <p>The kind is read off the ARN the way AWS forms them: {@code arn:aws:iam::111122223333:root},
 * {@code ...:user/PATH/NAME}, {@code ...:role/PATH/NAME}, {@code arn:aws:sts::111122223333:assumed-role/ROLE/SESSION},
 * {@code arn:aws:sts::111122223333:federated-user/NAME}, {@code arn:aws:iam::111122223333:oidc-provider/HOST/PATH}
 * (a user of that OpenID Connect provider); a name such as {@code ec2.amazonaws.com} is a service.
 *
 * @param arn the principal's ARN, the service name for a service, or {@code "anonymous"}
 * @param kind what sort of principal this is
 * @param accountId the 12-digit account the principal belongs to, or {@code null} (services, anonymous callers)
 * @param sessionIssuer for a session, the identity it was issued for: the role of an assumed-role session
 *     ({@code arn:aws:iam::ID:role/NAME}), the IAM user who created a federated-user session; {@code null} when
 *     this is no session or the issuer is unknown. A resource-based policy that names the issuer applies to the
 *     session; a federated session whose issuer is unknown is never matched through a user's ARN, because its
 *     name is chosen by whoever created it.
 * @param uniqueId the unique id ({@code AIDA...}, {@code AROA...}) of the IAM user or role whose permissions this
 *     principal has: the user itself or the one who signed in, the role behind a role session, the user who created
 *     a federated-user session; {@code null} when not known, and the name alone then says who it is. AWS ties
 *     credentials to unique ids: when the user or role of that name has another id (it was deleted and created
 *     again), this principal has none of its permissions.
 */
public record Principal(String arn, Kind kind, String accountId, String sessionIssuer, String uniqueId) {

    /** The sorts of principal AWS distinguishes when it evaluates policies. */
    public enum Kind {
        /** An unsigned request. */
        ANONYMOUS,
        /** The account's root user, {@code arn:aws:iam::ID:root}. */
        ROOT,
        /** An IAM user. */
        USER,
        /** An IAM role itself (not one of its sessions). */
        ROLE,
        /** A session of a role: {@code arn:aws:sts::ID:assumed-role/ROLE/SESSION}. */
        ASSUMED_ROLE,
        /** A federated user session: {@code arn:aws:sts::ID:federated-user/NAME}. */
        FEDERATED_USER,
        /** A service principal such as {@code lambda.amazonaws.com}. */
        SERVICE,
        /**
         * A user signed in at an OpenID Connect provider, named by the provider's ARN
         * ({@code arn:aws:iam::ID:oidc-provider/HOST/PATH}) as a trust policy's {@code Federated} principal names it:
         * the caller of AssumeRoleWithWebIdentity. It holds no identity-based policies; only a resource-based policy
         * naming the provider (or everyone) grants it anything.
         */
        WEB_IDENTITY,
        /** Any other ARN. */
        OTHER
    }

    private static final Principal ANONYMOUS = new Principal("anonymous", Kind.ANONYMOUS, null, null, null);

    public Principal {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(kind, "kind");
    }

    /** A principal whose unique id is not known. */
    public Principal(String arn, Kind kind, String accountId, String sessionIssuer) {
        this(arn, kind, accountId, sessionIssuer, null);
    }

    /** A principal that is no session (or whose issuer is not known). */
    public Principal(String arn, Kind kind, String accountId) {
        this(arn, kind, accountId, null, null);
    }

    /**
     * This principal, bound to the user or role with unique id {@code id} (see {@link #uniqueId()}): what an
     * authenticated credential knows about whom it was issued to.
     */
    public Principal withUniqueId(String id) {
        return new Principal(arn, kind, accountId, sessionIssuer, id);
    }

    /**
     * A federated-user session ({@code arn:aws:sts::ID:federated-user/NAME}) created by the IAM user
     * {@code parentUserArn}, as {@code GetFederationToken} creates them.
     *
     * @throws IllegalArgumentException if {@code sessionArn} is not a federated-user ARN
     */
    public static Principal federatedUser(String sessionArn, String parentUserArn) {
        Principal session = of(sessionArn);
        if (session.kind != Kind.FEDERATED_USER) {
            throw new IllegalArgumentException("not a federated-user session ARN: '" + sessionArn + "'");
        }
        return new Principal(sessionArn, Kind.FEDERATED_USER, session.accountId, Objects.requireNonNull(parentUserArn),
                null);
    }

    /** The caller of an unsigned request. */
    public static Principal anonymous() {
        return ANONYMOUS;
    }

    /**
     * The principal named by {@code arnOrService}: an ARN with at least six colon-separated parts, or a service
     * principal name (dotted, without colons or whitespace).
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static Principal of(String arnOrService) {
        Objects.requireNonNull(arnOrService, "arnOrService");
        if (!arnOrService.startsWith("arn:")) {
            if (isServiceName(arnOrService)) {
                return new Principal(arnOrService, Kind.SERVICE, null, null, null);
            }
            throw new IllegalArgumentException(
                    "principal must be an ARN or a service principal name: '" + arnOrService + "'");
        }
        String[] parts = arnOrService.split(":", 6);
        if (parts.length < 6) {
            throw new IllegalArgumentException("principal ARN must have six ':'-separated parts: '" + arnOrService + "'");
        }
        String service = parts[2];
        String account = parts[4].isEmpty() ? null : parts[4];
        String resource = parts[5];
        Kind kind = Kind.OTHER;
        if ("iam".equals(service)) {
            if ("root".equals(resource)) {
                kind = Kind.ROOT;
            } else if (resource.startsWith("user/")) {
                kind = Kind.USER;
            } else if (resource.startsWith("role/")) {
                kind = Kind.ROLE;
            } else if (resource.startsWith("oidc-provider/") && resource.length() > "oidc-provider/".length()) {
                kind = Kind.WEB_IDENTITY;
            }
        } else if ("sts".equals(service)) {
            if (resource.startsWith("assumed-role/") && resource.indexOf('/', "assumed-role/".length()) > 0) {
                kind = Kind.ASSUMED_ROLE;
            } else if (resource.startsWith("federated-user/")) {
                kind = Kind.FEDERATED_USER;
            }
        }
        String issuer = null;
        if (kind == Kind.ASSUMED_ROLE) {
            String role = resource.substring("assumed-role/".length(), resource.indexOf('/', "assumed-role/".length()));
            issuer = "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + role;
        }
        return new Principal(arnOrService, kind, account, issuer, null);
    }

    private static boolean isServiceName(String name) {
        if (name.isEmpty() || name.indexOf('.') <= 0 || name.endsWith(".")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Whether the request was signed by someone (everything but {@link Kind#ANONYMOUS}). */
    public boolean isAuthenticated() {
        return kind != Kind.ANONYMOUS;
    }

    /** The ARN's partition ({@code aws}), or {@code null} for services and anonymous callers. */
    public String partition() {
        if (!arn.startsWith("arn:")) {
            return null;
        }
        int end = arn.indexOf(':', 4);
        return arn.substring(4, end);
    }

    /**
     * The name of the role a session belongs to ({@code AppRole} for {@code ...:assumed-role/AppRole/s1}), or
     * {@code null} when this is not a role session.
     */
    public String sessionRoleName() {
        if (kind != Kind.ASSUMED_ROLE) {
            return null;
        }
        String resource = arn.substring(arn.indexOf(":assumed-role/") + ":assumed-role/".length());
        return resource.substring(0, resource.indexOf('/'));
    }

    /** The last part of the ARN's path: a user's or role's name, a session's name. */
    public String name() {
        return arn.substring(Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':')) + 1);
    }

    @Override
    public String toString() {
        return arn;
    }
}
