package dev.warden.core.policy;

import dev.warden.core.policy.condition.ConditionClause;

/**
 * What validating one statement already compiled: its resource patterns ({@code null} when it has no
 * {@code Resource} element) and its condition clauses, handed to compilation so that nothing is compiled twice.
 */
record Precompiled(ResourcePattern[] resources, ConditionClause[] conditions) {
}
