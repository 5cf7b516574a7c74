package dev.warden.core.eval;

import dev.warden.core.policy.CompiledStatement;
import dev.warden.core.policy.PrincipalMatch;
import dev.warden.core.policy.RequestView;
import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import java.util.Arrays;
import java.util.List;

/**
 * The statements of one policy group that apply to one request: its denies and its allows, and for a
 * resource-based policy how each allow names the caller. Arrays rather than lists of pairs: this is on the path
 * of every decision.
 */
final class Scan {

    private static final CompiledStatement[] NONE = new CompiledStatement[0];

    private CompiledStatement[] denies = NONE;
    private int denyCount;
    private CompiledStatement[] allows = NONE;
    private PrincipalMatch[] allowMatches;
    private int allowCount;

    /**
     * The applicable statements of an identity-style group (identity, boundary, session, SCP, RCP).
     *
     * @param complete whether to look at every allow; otherwise the scan stops at the first allow that applies
     *     (it has seen every deny by then: the index lists denies first), which is all a decision needs
     */
    static Scan of(StatementIndex index, RequestView request, boolean complete) {
        Scan scan = new Scan();
        for (CompiledStatement statement : index.covering(request.action())) {
            if (statement.coversResource(request) && statement.conditionsHold(request)) {
                scan.add(statement, PrincipalMatch.DIRECT);
                if (!complete && !statement.isDeny()) {
                    break;
                }
            }
        }
        return scan;
    }

    /** The applicable statements of a resource-based policy: those that also name the caller. */
    static Scan ofResourcePolicy(StatementIndex index, RequestView request, boolean callerHasBoundary) {
        Scan scan = new Scan();
        scan.allowMatches = new PrincipalMatch[0];
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
        if (statement.isDeny()) {
            if (denyCount == denies.length) {
                denies = Arrays.copyOf(denies, Math.max(2, denyCount * 2));
            }
            denies[denyCount++] = statement;
            return;
        }
        if (allowCount == allows.length) {
            allows = Arrays.copyOf(allows, Math.max(2, allowCount * 2));
            if (allowMatches != null) {
                allowMatches = Arrays.copyOf(allowMatches, allows.length);
            }
        }
        if (allowMatches != null) {
            allowMatches[allowCount] = match;
        }
        allows[allowCount++] = statement;
    }

    boolean denies() {
        return denyCount > 0;
    }

    boolean allows() {
        return allowCount > 0;
    }

    int allowCount() {
        return allowCount;
    }

    CompiledStatement allow(int i) {
        return allows[i];
    }

    /** How allow {@code i} names the caller ({@link PrincipalMatch#DIRECT} outside resource-based policies). */
    PrincipalMatch allowMatch(int i) {
        return allowMatches == null ? PrincipalMatch.DIRECT : allowMatches[i];
    }

    /** Whether some allow names the caller in one of {@code matches}. */
    boolean allowsAs(PrincipalMatch... matches) {
        for (int i = 0; i < allowCount; i++) {
            for (PrincipalMatch match : matches) {
                if (allowMatch(i) == match) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The applicable deny statements, as decisions cite them. */
    StatementRef[] denyRefs() {
        StatementRef[] refs = new StatementRef[denyCount];
        for (int i = 0; i < denyCount; i++) {
            refs[i] = denies[i].ref();
        }
        return refs;
    }

    /** Adds the applicable allows naming the caller in one of {@code matches} (any, if none given) to {@code out}. */
    void addAllowRefs(List<StatementRef> out, PrincipalMatch... matches) {
        for (int i = 0; i < allowCount; i++) {
            boolean wanted = matches.length == 0;
            for (PrincipalMatch match : matches) {
                wanted |= allowMatch(i) == match;
            }
            if (wanted) {
                out.add(allows[i].ref());
            }
        }
    }
}
