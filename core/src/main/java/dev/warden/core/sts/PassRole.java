package dev.warden.core.sts;

import dev.warden.core.auth.Caller;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code iam:PassRole}: before an operation hands a role to a service (a workload's role, a function's execution
 * role), the caller must be allowed {@code iam:PassRole} on the role, with {@code iam:PassedToService} naming the
 * service (and {@code iam:AssociatedResourceArn} the resource it will act for, when known), exactly as AWS checks it.
 * Applications call {@link #check} from their own operations that do the same.
 */
public final class PassRole {

    private final StsService sts;

    public PassRole(StsService sts) {
        this.sts = Objects.requireNonNull(sts, "sts");
    }

    /**
     * Lets {@code caller} pass {@code roleArn} to {@code service}, or refuses.
     *
     * @throws IamException {@code AccessDenied} with AWS's message when {@code iam:PassRole} is not allowed
     */
    public void check(Caller caller, String roleArn, String service) throws IamException {
        check(caller, roleArn, service, null);
    }

    /**
     * Lets {@code caller} pass {@code roleArn} to {@code service} for use on {@code associatedResourceArn} (the
     * function, instance, ... the role will act for), or refuses. The check carries AWS's keys of PassRole:
     * {@code iam:PassedToService}, {@code iam:AssociatedResourceArn} when a resource is given, and the role's tags
     * ({@code aws:ResourceTag/KEY}, {@code iam:ResourceTag/KEY}).
     *
     * @param associatedResourceArn the resource the role is associated with at {@code service}, or {@code null}
     *     when there is none yet (the key is then absent, as in AWS)
     * @throws IamException {@code AccessDenied} with AWS's message when {@code iam:PassRole} is not allowed
     */
    public void check(Caller caller, String roleArn, String service, String associatedResourceArn)
            throws IamException {
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        keys.put("iam:PassedToService", ContextValue.of(service));
        if (associatedResourceArn != null) {
            keys.put("iam:AssociatedResourceArn", ContextValue.of(associatedResourceArn));
        }
        Decision decision = sts.authorize(caller, "iam:PassRole", roleArn, keys);
        if (!decision.isAllowed()) {
            throw new IamException(IamError.ACCESS_DENIED, decision.reason());
        }
    }
}
