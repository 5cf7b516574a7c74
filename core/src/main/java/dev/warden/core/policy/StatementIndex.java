package dev.warden.core.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements of some policies of one kind (all identity-based policies of a principal, one level of SCPs,
 * ...), indexed so that a request looks only at statements that can cover its action, denies first. Statements are first
 * grouped by service prefix; the statements covering a given action are then computed once and cached, so a warm
 * lookup costs one hash probe however many policies are loaded. Thread-safe.
 */
public final class StatementIndex {

    /** Distinct actions remembered per index; beyond this (hostile or generated input) lookups are computed. */
    private static final int MAX_CACHED_ACTIONS = 4096;
    private static final CompiledStatement[] NONE = new CompiledStatement[0];

    private final List<CompiledPolicy> policies;
    private final Map<String, CompiledStatement[]> byService;
    private final CompiledStatement[] anyService;
    private final ConcurrentHashMap<String, CompiledStatement[]> byAction = new ConcurrentHashMap<>();
    private final boolean readsContext;

    private StatementIndex(List<CompiledPolicy> policies) {
        this.policies = List.copyOf(policies);
        List<CompiledStatement> all = new ArrayList<>();
        for (CompiledPolicy policy : policies) {
            all.addAll(policy.statements());
        }
        Map<String, List<CompiledStatement>> services = new HashMap<>();
        for (CompiledStatement statement : all) {
            List<String> prefixes = statement.services();
            if (prefixes != null) {
                for (String prefix : prefixes) {
                    services.putIfAbsent(prefix, new ArrayList<>());
                }
            }
        }
        List<CompiledStatement> any = new ArrayList<>();
        for (CompiledStatement statement : all) {
            List<String> prefixes = statement.services();
            if (prefixes == null) {
                any.add(statement);
                services.values().forEach(list -> list.add(statement));
            } else {
                for (String prefix : prefixes) {
                    services.get(prefix).add(statement);
                }
            }
        }
        Map<String, CompiledStatement[]> byService = new HashMap<>();
        services.forEach((prefix, list) -> byService.put(prefix, list.toArray(NONE)));
        this.byService = byService;
        this.anyService = any.toArray(NONE);
        this.readsContext = all.stream().anyMatch(CompiledStatement::readsContext);
    }

    /** Whether any statement reads the request's condition keys ({@link CompiledStatement#readsContext()}). */
    public boolean readsContext() {
        return readsContext;
    }

    /** An index over {@code policies}, in the given order. */
    public static StatementIndex of(Collection<CompiledPolicy> policies) {
        return new StatementIndex(new ArrayList<>(policies));
    }

    /** An index over {@code policies}, in the given order. */
    public static StatementIndex of(CompiledPolicy... policies) {
        return new StatementIndex(List.of(policies));
    }

    /** The indexed policies. */
    public List<CompiledPolicy> policies() {
        return policies;
    }

    /**
     * The statements whose {@code Action}/{@code NotAction} covers {@code action}: the Deny statements first, then
     * the Allow statements, each in policy order. Denies come first so that a decision, which needs every
     * applicable deny but only one applicable allow, can stop at the first allow that applies.
     */
    public CompiledStatement[] covering(String action) {
        CompiledStatement[] cached = byAction.get(action);
        if (cached != null) {
            return cached;
        }
        int colon = action.indexOf(':');
        CompiledStatement[] candidates = byService.get(action.substring(0, colon).toLowerCase(Locale.ROOT));
        if (candidates == null) {
            candidates = anyService;
        }
        List<CompiledStatement> denies = new ArrayList<>();
        List<CompiledStatement> allows = new ArrayList<>();
        for (CompiledStatement statement : candidates) {
            if (statement.coversAction(action, colon)) {
                (statement.isDeny() ? denies : allows).add(statement);
            }
        }
        denies.addAll(allows);
        CompiledStatement[] result = denies.toArray(NONE);
        if (byAction.size() < MAX_CACHED_ACTIONS) {
            byAction.putIfAbsent(action, result);
        }
        return result;
    }
}
