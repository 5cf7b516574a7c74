package dev.warden.filter;

import dev.warden.core.Warden;
import dev.warden.spi.Principal;
import dev.warden.spi.PrincipalResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;
import java.util.Optional;

/**
 * The user an application's own login stored in the HTTP session: the attribute holds an IAM user name of one
 * account (or a {@link Principal}, used as it is). The session is never created here; no session or no attribute
 * means this resolver cannot tell.
 */
public final class SessionAttributeResolver implements PrincipalResolver<HttpServletRequest> {

    private final Warden warden;
    private final String accountId;
    private final String attribute;

    /** Resolves the session attribute {@code attribute} to the IAM users of {@code accountId}. */
    public SessionAttributeResolver(Warden warden, String accountId, String attribute) {
        this.warden = Objects.requireNonNull(warden, "warden");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    @Override
    public Optional<Principal> resolve(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object value = session == null ? null : session.getAttribute(attribute);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Principal principal) {
            return Optional.of(principal);
        }
        return Optional.of(IamUsers.byName(warden, accountId, value.toString()));
    }
}
