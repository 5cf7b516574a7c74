package dev.warden.core.eval;

import dev.warden.core.policy.PrincipalMatch;
import dev.warden.spi.Decision;
import dev.warden.spi.PolicyType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decision together with what each kind of policy said about the request: the material of
 * {@code warden simulate --explain} and of the policy simulator. Kinds that were not consulted (the evaluation
 * stopped at an earlier explicit deny, or the request had none) are absent.
 */
public final class Evaluation {

    private final Decision decision;
    private final boolean sameAccount;
    private final Scan identity;
    private final Scan resource;
    private final Scan boundary;
    private final Scan session;
    private final List<Scan> scp;
    private final List<Scan> rcp;
    private final Scan endpoint;

    Evaluation(Decision decision, boolean sameAccount, Scan identity, Scan resource, Scan boundary, Scan session,
               List<Scan> scp, List<Scan> rcp, Scan endpoint) {
        this.decision = decision;
        this.sameAccount = sameAccount;
        this.identity = identity;
        this.resource = resource;
        this.boundary = boundary;
        this.session = session;
        this.scp = scp;
        this.rcp = rcp;
        this.endpoint = endpoint;
    }

    /**
     * A decision made before any policy was consulted (the principal's policies cannot be read): no kind of policy
     * is reported.
     */
    public static Evaluation withoutPolicies(Decision decision) {
        return new Evaluation(decision, false, null, null, null, null, null, null, null);
    }

    public Decision decision() {
        return decision;
    }

    /** Whether the caller and the resource belong to the same account. */
    public boolean sameAccount() {
        return sameAccount;
    }

    /**
     * What each consulted kind of policy said: {@code Allowed}, {@code ExplicitlyDenied} or
     * {@code ImplicitlyDenied}; for the resource-based policy also {@code AllowedForAccount} (it names only the
     * caller's account). SCP and RCP levels are reported as a whole.
     */
    public Map<PolicyType, String> resultsByType() {
        Map<PolicyType, String> out = new LinkedHashMap<>();
        put(out, PolicyType.IDENTITY, identity);
        if (resource != null) {
            String r = result(resource);
            if (r.equals("Allowed") && !resource.allowsAs(PrincipalMatch.DIRECT, PrincipalMatch.SESSION_ROLE,
                    PrincipalMatch.SESSION_USER)) {
                r = "AllowedForAccount";
            }
            out.put(PolicyType.RESOURCE, r);
        }
        put(out, PolicyType.PERMISSIONS_BOUNDARY, boundary);
        put(out, PolicyType.SESSION, session);
        putLevels(out, PolicyType.SERVICE_CONTROL, scp);
        if (rcp != null) {
            out.put(PolicyType.RESOURCE_CONTROL, rcp.stream().anyMatch(Scan::denies) ? "ExplicitlyDenied" : "Allowed");
        }
        put(out, PolicyType.VPC_ENDPOINT, endpoint);
        return out;
    }

    private static void put(Map<PolicyType, String> out, PolicyType type, Scan scan) {
        if (scan != null) {
            out.put(type, result(scan));
        }
    }

    private static void putLevels(Map<PolicyType, String> out, PolicyType type, List<Scan> levels) {
        if (levels == null) {
            return;
        }
        String result = "Allowed";
        for (Scan level : levels) {
            if (level.denies()) {
                result = "ExplicitlyDenied";
                break;
            }
            if (!level.allows()) {
                result = "ImplicitlyDenied";
            }
        }
        out.put(type, result);
    }

    private static String result(Scan scan) {
        return scan.denies() ? "ExplicitlyDenied" : scan.allows() ? "Allowed" : "ImplicitlyDenied";
    }

    @Override
    public String toString() {
        return decision + " " + resultsByType();
    }
}
