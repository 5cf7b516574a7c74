package dev.warden.core.policy;

import dev.warden.core.policy.condition.ConditionClause;
import dev.warden.spi.PolicyType;
import dev.warden.spi.StatementRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A validated policy compiled for evaluation, under the name its decisions will cite. Immutable, thread-safe,
 * compiled once and shared by every evaluation.
 *
 * @param policy the document
 * @param name what decisions call it (an ARN, a file name, ...)
 * @param type the part it plays in evaluation
 * @param statements the compiled statements, in document order
 */
public record CompiledPolicy(Policy policy, String name, PolicyType type, List<CompiledStatement> statements) {

    public CompiledPolicy {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        statements = List.copyOf(statements);
    }

    /** Compiles {@code policy}; a validated policy always compiles. */
    public static CompiledPolicy compile(Policy policy, String name, PolicyType type) {
        return compile(policy, name, type, null);
    }

    private static CompiledPolicy compile(Policy policy, String name, PolicyType type, List<Precompiled> precompiled) {
        boolean variables = policy.hasPolicyVariables();
        CompiledStatement[] statements = new CompiledStatement[policy.statements().size()];
        for (int i = 0; i < statements.length; i++) {
            Statement s = policy.statements().get(i);
            ActionPattern[] actions = s.actions().stream().map(ActionPattern::compile).toArray(ActionPattern[]::new);
            ResourcePattern[] resources = precompiled != null ? precompiled.get(i).resources()
                    : s.resources() == null ? null
                    : s.resources().stream().map(r -> ResourcePattern.compile(r, variables)).toArray(ResourcePattern[]::new);
            PrincipalPattern principal = s.principal() == null ? null : PrincipalPattern.compile(s.principal());
            ConditionClause[] conditions = precompiled != null ? precompiled.get(i).conditions() : s.conditions().stream()
                    .map(c -> ConditionClause.compile(c.operator(), c.key(), c.values(), variables))
                    .toArray(ConditionClause[]::new);
            StatementRef ref = new StatementRef(type, name, s.index(), s.sid(), s.effect() == Effect.DENY);
            statements[i] = new CompiledStatement(s, ref, actions, resources, principal, conditions);
        }
        return new CompiledPolicy(policy, name, type, List.of(statements));
    }

    /** Parses, validates and compiles {@code json} in one step. */
    public static CompiledPolicy parse(String json, PolicyKind kind, String name, PolicyType type)
            throws MalformedPolicyException {
        List<Precompiled> precompiled = new ArrayList<>();
        return compile(PolicyParser.parse(json, kind, precompiled), name, type, precompiled);
    }
}
