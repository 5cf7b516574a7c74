package dev.warden.core.auth;

import dev.warden.core.eval.GlobalContextKeys;
import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An authenticated caller: its principal, how it proved who it is, the condition keys that follow from its
 * credentials ({@code aws:userid}, {@code aws:PrincipalTag/*}, {@code aws:TokenIssueTime},
 * {@code aws:MultiFactorAuthPresent}, ...) and the session policy that narrows a session.
 *
 * @param accessKeyId the key the request was signed with, or {@code null}
 * @param keys condition keys from the credentials, by AWS name
 * @param mfaAuthenticated when MFA was presented, or {@code null} ({@code aws:MultiFactorAuthAge} is computed from
 *     it at each request)
 * @param sessionPolicy the session policies of a session, compiled, or {@code null}
 */
public record Caller(Principal principal, Via via, String accessKeyId, Map<String, ContextValue> keys,
                     Instant mfaAuthenticated, StatementIndex sessionPolicy) {

    /** How the caller proved who it is. */
    public enum Via {
        /** A long-term access key ({@code AKIA}) of a user or the root user. */
        ACCESS_KEY,
        /** Temporary credentials from GetSessionToken (or a console login). */
        SESSION_TOKEN,
        /** Temporary credentials of a console sign-in (password, and MFA where the user has a device). */
        CONSOLE,
        /** Temporary credentials of a role session (AssumeRole, AssumeRoleWithWebIdentity). */
        ROLE_SESSION,
        /** Temporary credentials of a federated-user session (GetFederationToken). */
        FEDERATED_USER,
        /** Asserted by the application itself (no AWS credentials involved). */
        APPLICATION
    }

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(via, "via");
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /** A principal the application vouches for, without credentials. */
    public static Caller of(Principal principal) {
        return new Caller(principal, Via.APPLICATION, null, Map.of(), null, null);
    }

    /** Whether the caller holds temporary credentials. */
    public boolean temporary() {
        return via == Via.SESSION_TOKEN || via == Via.ROLE_SESSION || via == Via.CONSOLE || via == Via.FEDERATED_USER;
    }

    /** The condition keys of a request by this caller at {@code now}: AWS's global keys and the credentials' own. */
    public Map<String, ContextValue> contextAt(Instant now) {
        Map<String, ContextValue> context = new LinkedHashMap<>();
        putContextAt(context, now);
        return context;
    }

    /** Puts the condition keys of a request by this caller at {@code now} into {@code context}. */
    public void putContextAt(Map<String, ContextValue> context, Instant now) {
        GlobalContextKeys.putInto(context, principal, now);
        context.putAll(keys);
        if (mfaAuthenticated != null) {
            long age = Math.max(0, Duration.between(mfaAuthenticated, now).getSeconds());
            context.put("aws:MultiFactorAuthAge", ContextValue.of(Long.toString(age)));
        }
    }

    @Override
    public String toString() {
        return "Caller[" + principal.arn() + " via " + via + (accessKeyId == null ? "" : " key " + accessKeyId) + "]";
    }
}
