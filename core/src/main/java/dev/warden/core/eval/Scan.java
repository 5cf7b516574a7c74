package dev.warden.core.eval;

import dev.warden.core.policy.CompiledStatement;
import dev.warden.core.policy.PrincipalMatch;
import dev.warden.core.policy.RequestView;
import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.Principal;
import java.util.ArrayList;
import java.util.List;

/** The statements of one policy group that apply to one request: its denies and its allows. */
final class Scan {

    /** An applicable statement and, in a resource-based policy, how it names the caller. */
    record Hit(CompiledStatement statement, PrincipalMatch match) {
    }

    private List<Hit> denies;
    private List<Hit> allows;

    /** The applicable statements of an identity-style group (identity, boundary, session, SCP, RCP, endpoint). */
    static Scan of(StatementIndex index, RequestView request) {
        Scan scan = new Scan();
        for (CompiledStatement statement : index.covering(request.action())) {
            if (statement.coversResource(request) && statement.conditionsHold(request)) {
                scan.add(statement, PrincipalMatch.DIRECT);
            }
        }
        return scan;
    }

    /** The applicable statements of a resource-based policy: those that also name the caller. */
    static Scan ofResourcePolicy(StatementIndex index, RequestView request, boolean callerHasBoundary) {
        Scan scan = new Scan();
        Principal caller = request.principal();
        for (CompiledStatement statement : index.covering(request.action())) {
            PrincipalMatch match = statement.principalMatch(caller, callerHasBoundary);
            if (match != PrincipalMatch.NONE && statement.coversResource(request) && statement.conditionsHold(request)) {
                scan.add(statement, match);
            }
        }
        return scan;
    }

    private void add(CompiledStatement statement, PrincipalMatch match) {
        Hit hit = new Hit(statement, match);
        if (statement.isDeny()) {
            if (denies == null) {
                denies = new ArrayList<>(2);
            }
            denies.add(hit);
        } else {
            if (allows == null) {
                allows = new ArrayList<>(2);
            }
            allows.add(hit);
        }
    }

    boolean denies() {
        return denies != null;
    }

    boolean allows() {
        return allows != null;
    }

    List<Hit> denyHits() {
        return denies == null ? List.of() : denies;
    }

    List<Hit> allowHits() {
        return allows == null ? List.of() : allows;
    }

    /** Whether some allow names the caller in one of {@code matches}. */
    boolean allowsAs(PrincipalMatch... matches) {
        if (allows == null) {
            return false;
        }
        for (Hit hit : allows) {
            for (PrincipalMatch match : matches) {
                if (hit.match() == match) {
                    return true;
                }
            }
        }
        return false;
    }
}
