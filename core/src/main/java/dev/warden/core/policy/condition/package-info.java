/**
 * Condition operators: every AWS operator, with {@code IfExists} and the {@code ForAllValues:} and
 * {@code ForAnyValue:} set qualifiers, compiled from a policy's {@code Condition} block into
 * {@link dev.warden.core.policy.condition.ConditionClause} predicates.
 */
package dev.warden.core.policy.condition;
