package dev.warden.core.policy;

import dev.warden.spi.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A compiled {@code Principal} or {@code NotPrincipal} element. Principal ARNs match exactly (AWS allows no
 * wildcards in them), except that a role's ARN also names the role's sessions and a user's ARN the federated
 * sessions that user created (known from the caller's {@link Principal#sessionIssuer()}, never from the session's
 * self-chosen name). Unique ids ({@code AIDA...}) name principals that were deleted and match no one.
 */
final class PrincipalPattern {

    private final boolean wildcard;
    private final List<String> accounts;
    private final List<String> arns;
    /** For role ARNs: {@code partition:account:lower-case-role-name}, compared with a session's role. */
    private final List<String> roles;
    private final List<String> services;
    private final List<String> federated;
    private final List<String> canonicalUsers;

    private PrincipalPattern(boolean wildcard, List<String> accounts, List<String> arns, List<String> roles,
                             List<String> services, List<String> federated, List<String> canonicalUsers) {
        this.wildcard = wildcard;
        this.accounts = accounts;
        this.arns = arns;
        this.roles = roles;
        this.services = services;
        this.federated = federated;
        this.canonicalUsers = canonicalUsers;
    }

    /** Compiles a validated principal element. */
    static PrincipalPattern compile(PrincipalElement element) {
        boolean wildcard = element.wildcard();
        List<String> accounts = new ArrayList<>();
        List<String> arns = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (String aws : element.aws()) {
            if (ActionPattern.isAllStars(aws)) {
                wildcard = true;
            } else if (PrincipalElement.isAccountId(aws)) {
                accounts.add(aws);
            } else if (PrincipalElement.isAccountRoot(aws)) {
                accounts.add(aws.split(":")[4]);
            } else if (aws.startsWith("arn:")) {
                arns.add(aws);
                String[] parts = aws.split(":", 6);
                if ("iam".equals(parts[2]) && parts[5].startsWith("role/")) {
                    String role = parts[5].substring(parts[5].lastIndexOf('/') + 1);
                    roles.add(parts[1] + ":" + parts[4] + ":" + role.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new PrincipalPattern(wildcard, List.copyOf(accounts), List.copyOf(arns), List.copyOf(roles),
                element.service(), element.federated(), element.canonicalUser());
    }

    /** How this element names {@code caller}, the best way it does. */
    PrincipalMatch match(Principal caller) {
        if (wildcard) {
            return PrincipalMatch.DIRECT;
        }
        switch (caller.kind()) {
            case ANONYMOUS:
                return PrincipalMatch.NONE;
            case SERVICE:
                return services.contains(caller.arn()) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
            case WEB_IDENTITY:
                // only a Federated entry naming the provider exactly: never its account, never an AWS entry
                return federated.contains(caller.arn()) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
            default:
                break;
        }
        String arn = caller.arn();
        if (arns.contains(arn) || federated.contains(arn) || canonicalUsers.contains(arn)) {
            return PrincipalMatch.DIRECT;
        }
        if (caller.kind() == Principal.Kind.FEDERATED_USER && caller.sessionIssuer() != null
                && arns.contains(caller.sessionIssuer())) {
            return PrincipalMatch.SESSION_USER;
        }
        if (caller.kind() == Principal.Kind.ASSUMED_ROLE && !roles.isEmpty()
                && roles.contains(caller.partition() + ":" + caller.accountId() + ":"
                        + caller.sessionRoleName().toLowerCase(Locale.ROOT))) {
            return PrincipalMatch.SESSION_ROLE;
        }
        if (caller.accountId() != null && accounts.contains(caller.accountId())) {
            return PrincipalMatch.ACCOUNT;
        }
        return PrincipalMatch.NONE;
    }

    /**
     * Whether a {@code NotPrincipal} with this element leaves {@code caller} out. AWS evaluates a request against
     * each identity it carries (the account, then the role or user, then the session), so a caller is left out
     * only when the element lists both the caller (or the role behind its session) and the caller's account, as
     * AWS's documentation requires.
     */
    boolean excludes(Principal caller) {
        if (wildcard) {
            return true;
        }
        if (caller.kind() == Principal.Kind.ANONYMOUS) {
            return false;
        }
        if (caller.kind() == Principal.Kind.SERVICE) {
            return services.contains(caller.arn());
        }
        if (caller.kind() == Principal.Kind.WEB_IDENTITY) {
            return federated.contains(caller.arn());
        }
        boolean account = caller.accountId() != null && accounts.contains(caller.accountId());
        if (caller.kind() == Principal.Kind.ROOT) {
            return account;
        }
        PrincipalMatch self = match(caller);
        return account && self != PrincipalMatch.NONE && self != PrincipalMatch.ACCOUNT;
    }

    /** Whether the element lists exactly {@code arn} (not through its role, account or a wildcard). */
    boolean namesExactly(String arn) {
        return arns.contains(arn);
    }

    /** Whether the element names everyone. */
    boolean isWildcard() {
        return wildcard;
    }
}
