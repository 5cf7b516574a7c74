package dev.warden.core.policy;

import java.util.List;

/**
 * One validated statement of a policy, as written.
 *
 * @param index position in the policy's {@code Statement} array, from 0
 * @param sid the {@code Sid}, or {@code null}
 * @param effect allow or deny
 * @param principal the {@code Principal} or {@code NotPrincipal} element, or {@code null} when there is none
 * @param notPrincipal whether {@code principal} came from {@code NotPrincipal}
 * @param actions the {@code Action} or {@code NotAction} entries
 * @param notAction whether {@code actions} came from {@code NotAction}
 * @param resources the {@code Resource} or {@code NotResource} entries, or {@code null} when there is none (trust
 *     policies)
 * @param notResource whether {@code resources} came from {@code NotResource}
 * @param conditions the {@code Condition} block, one entry per operator and key
 */
public record Statement(int index, String sid, Effect effect, PrincipalElement principal, boolean notPrincipal,
                        List<String> actions, boolean notAction, List<String> resources, boolean notResource,
                        List<Condition> conditions) {

    public Statement {
        actions = List.copyOf(actions);
        resources = resources == null ? null : List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /**
     * One operator/key pair of a {@code Condition} block.
     *
     * @param operator the operator as written, e.g. {@code ForAnyValue:StringLike}
     * @param key the context key as written
     * @param values the values (JSON numbers and booleans as their text)
     */
    public record Condition(String operator, String key, List<String> values) {
        public Condition {
            values = List.copyOf(values);
        }
    }
}
