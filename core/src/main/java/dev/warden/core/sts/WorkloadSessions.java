package dev.warden.core.sts;

import dev.warden.core.auth.Caller;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.Role;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import dev.warden.spi.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Temporary credentials for workloads without static keys (an EC2 instance profile, an ECS task role): a service
 * assumes the workload's role on its behalf, so the role's trust policy must allow that service principal
 * ({@code ecs-tasks.amazonaws.com}, ...) to {@code sts:AssumeRole}. Whoever attaches a role to a workload hands the
 * role to that service, which {@link PassRole} checks. Thread-safe.
 */
public final class WorkloadSessions {

    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final StsService sts;

    public WorkloadSessions(StsService sts) {
        this.sts = Objects.requireNonNull(sts, "sts");
    }

    /**
     * New credentials of a session of {@code roleArn} named {@code sessionName}, made by {@code service}.
     *
     * @param seconds the session's length: 900 to the role's maximum session duration
     * @throws IamException {@code AccessDenied} when the role does not exist or its trust policy does not allow the
     *     service; {@code ValidationError} for a bad session name or length
     */
    public TemporaryCredentials credentials(String service, String roleArn, String sessionName, int seconds)
            throws IamException {
        if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
            throw new IamException(IamError.VALIDATION_ERROR, "a workload session name is 2-64 of [\\w+=,.@-], got '"
                    + sessionName + "'");
        }
        Principal principal = Principal.of(service);
        if (principal.kind() != Principal.Kind.SERVICE) {
            throw new IamException(IamError.VALIDATION_ERROR, "'" + service + "' is not a service principal");
        }
        Decision decision = sts.authorize(Caller.of(principal), "sts:AssumeRole", roleArn,
                Map.of("sts:RoleSessionName", ContextValue.of(sessionName)));
        Directory directory = sts.warden().directory().current();
        Role role = role(directory, roleArn);
        if (!decision.isAllowed() || role == null) {
            throw new IamException(IamError.ACCESS_DENIED, "Service: " + service
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        if (seconds < 900 || seconds > role.maxSessionDuration()) {
            throw new IamException(IamError.VALIDATION_ERROR, "a workload session lasts from 900 seconds to the "
                    + "role's MaxSessionDuration (" + role.maxSessionDuration() + "), got " + seconds);
        }
        String accountId = roleArn.split(":", 6)[4];
        String sessionArn = "arn:" + directory.partition() + ":sts::" + accountId + ":assumed-role/" + role.name()
                + "/" + sessionName;
        Instant now = sts.now();
        SessionClaims claims = new SessionClaims(SessionClaims.Type.ROLE_SESSION, sessionArn,
                role.id() + ":" + sessionName, dev.warden.core.auth.SigningCredential.newSecretAccessKey(), now,
                now.plusSeconds(seconds), null, null, null, null, null, false);
        return sts.issue(claims);
    }

    static Role role(Directory directory, String roleArn) {
        String[] parts = roleArn == null ? new String[0] : roleArn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("iam") || !parts[5].startsWith("role/")) {
            return null;
        }
        Account account = directory.account(parts[4]);
        Role role = account == null ? null : account.role(parts[5].substring(parts[5].lastIndexOf('/') + 1));
        return role != null && role.arn(directory.partition(), parts[4]).equals(roleArn) ? role : null;
    }
}
