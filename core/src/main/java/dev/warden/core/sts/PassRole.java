package dev.warden.core.sts;

import dev.warden.core.auth.Caller;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import java.util.Map;
import java.util.Objects;

/**
 * {@code iam:PassRole}: before an operation hands a role to a service (a workload's role, a function's execution
 * role), the caller must be allowed {@code iam:PassRole} on the role, with {@code iam:PassedToService} naming the
 * service, exactly as AWS checks it. Applications call {@link #check} from their own operations that do the same.
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
        Decision decision = sts.authorize(caller, "iam:PassRole", roleArn,
                Map.of("iam:PassedToService", ContextValue.of(service)));
        if (!decision.isAllowed()) {
            throw new IamException(IamError.ACCESS_DENIED, decision.reason());
        }
    }
}
