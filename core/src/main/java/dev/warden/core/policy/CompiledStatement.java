package dev.warden.core.policy;

import dev.warden.core.policy.condition.ConditionClause;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import java.util.List;

/**
 * A statement turned into matchers: action patterns, resource patterns, a principal pattern and condition
 * predicates. Immutable and thread-safe; evaluating it allocates nothing unless a policy variable needs resolving.
 */
public final class CompiledStatement {

    private final Statement source;
    private final StatementRef ref;
    private final ActionPattern[] actions;
    private final ResourcePattern[] resources;
    private final PrincipalPattern principal;
    private final ConditionClause[] conditions;

    CompiledStatement(Statement source, StatementRef ref, ActionPattern[] actions, ResourcePattern[] resources,
                      PrincipalPattern principal, ConditionClause[] conditions) {
        this.source = source;
        this.ref = ref;
        this.actions = actions;
        this.resources = resources;
        this.principal = principal;
        this.conditions = conditions;
    }

    /** The statement as written. */
    public Statement source() {
        return source;
    }

    /** How a decision cites this statement. */
    public StatementRef ref() {
        return ref;
    }

    public boolean isDeny() {
        return source.effect() == Effect.DENY;
    }

    /** Whether the {@code Action} element covers the action (or the {@code NotAction} element leaves it out). */
    public boolean coversAction(String action, int colon) {
        boolean listed = false;
        for (ActionPattern pattern : actions) {
            if (pattern.matches(action, colon)) {
                listed = true;
                break;
            }
        }
        return listed != source.notAction();
    }

    /** Whether the {@code Resource} element covers the request's resource (or {@code NotResource} leaves it out). */
    public boolean coversResource(RequestView request) {
        if (resources == null) {
            return true;
        }
        boolean listed = false;
        for (ResourcePattern pattern : resources) {
            if (pattern.matches(request)) {
                listed = true;
                break;
            }
        }
        return listed != source.notResource();
    }

    /**
     * Whether deciding with this statement reads the request's condition keys: it has a {@code Condition}, or a policy
     * variable in its resources. A statement that reads none gives the same answer for every request with the same
     * principal, action and resource.
     */
    public boolean readsContext() {
        if (conditions.length > 0) {
            return true;
        }
        if (resources != null) {
            for (ResourcePattern pattern : resources) {
                if (pattern.readsContext()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether every condition holds. */
    public boolean conditionsHold(RequestView request) {
        for (ConditionClause condition : conditions) {
            if (!condition.test(request)) {
                return false;
            }
        }
        return true;
    }

    /** Whether action, resource and conditions all apply (the principal is the caller's concern). */
    public boolean applies(RequestView request) {
        return coversAction(request.action(), request.actionColon()) && coversResource(request)
                && conditionsHold(request);
    }

    /**
     * How this statement's {@code Principal} names {@code caller}. A {@code NotPrincipal} statement names whoever
     * it does not leave out, and names the account level only; a Deny with {@code NotPrincipal} applies to every
     * principal that has a permissions boundary, whatever it lists (AWS documents this for boundaries).
     */
    public PrincipalMatch principalMatch(Principal caller, boolean callerHasBoundary) {
        if (principal == null) {
            return PrincipalMatch.DIRECT;
        }
        if (!source.notPrincipal()) {
            return principal.match(caller);
        }
        if (callerHasBoundary && isDeny()) {
            return PrincipalMatch.DIRECT;
        }
        return principal.excludes(caller) ? PrincipalMatch.NONE : PrincipalMatch.DIRECT;
    }

    /** Whether the {@code Principal} element lists exactly {@code arn}. */
    public boolean namesPrincipalExactly(String arn) {
        return principal != null && !source.notPrincipal() && principal.namesExactly(arn);
    }

    /** Whether the {@code Principal} element is everyone ({@code "*"}). */
    public boolean namesEveryone() {
        return principal != null && !source.notPrincipal() && principal.isWildcard();
    }

    /** The lower-case service prefixes this statement's actions can match, or {@code null} when it can match any. */
    List<String> services() {
        if (source.notAction()) {
            return null;
        }
        String[] out = new String[actions.length];
        for (int i = 0; i < actions.length; i++) {
            if (actions[i].service() == null) {
                return null;
            }
            out[i] = actions[i].service();
        }
        return List.of(out).stream().distinct().toList();
    }

    @Override
    public String toString() {
        return ref.toString();
    }
}
