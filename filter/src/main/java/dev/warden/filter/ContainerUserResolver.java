package dev.warden.filter;

import dev.warden.core.Warden;
import dev.warden.spi.Principal;
import dev.warden.spi.PrincipalResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * The servlet container's signed-in user ({@code request.getUserPrincipal()}: form, Basic, client-certificate or SSO
 * login configured in the container) as the IAM user of the same name in one account. A container user with no IAM
 * user of that name is refused rather than treated as anonymous: the container vouched for someone Warden does not
 * know.
 */
public final class ContainerUserResolver implements PrincipalResolver<HttpServletRequest> {

    private final Warden warden;
    private final String accountId;

    /** Resolves container users to the IAM users of {@code accountId}. */
    public ContainerUserResolver(Warden warden, String accountId) {
        this.warden = Objects.requireNonNull(warden, "warden");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
    }

    @Override
    public Optional<Principal> resolve(HttpServletRequest request) {
        java.security.Principal user = request.getUserPrincipal();
        if (user == null) {
            return Optional.empty();
        }
        return Optional.of(IamUsers.byName(warden, accountId, user.getName()));
    }
}
