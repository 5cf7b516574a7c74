package dev.warden.core.eval;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import java.util.List;
import java.util.stream.Collectors;

/**
 * AWS's sentences for decisions, e.g. {@code User: arn:aws:iam::111122223333:user/alice is not authorized to
 * perform: s3:PutObject on resource: arn:aws:s3:::dl/a because no identity-based policy allows the s3:PutObject
 * action}.
 */
final class Messages {

    private Messages() {
    }

    static String explicitDeny(AuthorizationRequest request, PolicyType type) {
        return notAuthorized(request) + " with an explicit deny in " + type.withArticle();
    }

    static String noAllow(AuthorizationRequest request, PolicyType type) {
        return notAuthorized(request) + " because no " + type.phrase() + " allows the " + request.action() + " action";
    }

    static String because(AuthorizationRequest request, String why) {
        return notAuthorized(request) + " because " + why;
    }

    static String allowed(AuthorizationRequest request, List<StatementRef> grants) {
        if (grants.isEmpty()) {
            return request.principal().kind() == Principal.Kind.ROOT
                    ? "Allowed: the root user holds every permission of its account that nothing denies"
                    : "Allowed";
        }
        return "Allowed by " + grants.stream().map(StatementRef::toString).collect(Collectors.joining(", "));
    }

    private static String notAuthorized(AuthorizationRequest request) {
        String who = request.principal().isAuthenticated() ? "User: " + request.principal().arn() : "Anonymous user";
        String on = "*".equals(request.resource()) ? "" : " on resource: " + request.resource();
        return who + " is not authorized to perform: " + request.action() + on;
    }
}
