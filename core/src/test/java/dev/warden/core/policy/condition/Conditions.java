package dev.warden.core.policy.condition;

import dev.warden.core.policy.RequestView;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Principal;
import java.util.List;
import java.util.function.UnaryOperator;

/** Requests and clauses for the condition tests. */
final class Conditions {

    private Conditions() {
    }

    /** A request by alice for s3:GetObject, with the context {@code context} adds. */
    static RequestView request(UnaryOperator<AuthorizationRequest.Builder> context) {
        return new RequestView(context.apply(AuthorizationRequest.builder(
                Principal.of("arn:aws:iam::111122223333:user/alice"), "s3:GetObject", "arn:aws:s3:::b/k")).build());
    }

    /** A request whose only context key is {@code key} with the single value {@code value}. */
    static RequestView with(String key, String value) {
        return request(b -> b.context(key, value));
    }

    /** A request whose only context key is the multivalued {@code key}. */
    static RequestView withSet(String key, String... values) {
        return request(b -> b.contextSet(key, List.of(values)));
    }

    /** A request without context keys. */
    static RequestView empty() {
        return request(b -> b);
    }

    /** Whether the clause {@code operator: {key: values}} (policy version 2012-10-17) holds for {@code request}. */
    static boolean holds(String operator, String key, List<String> values, RequestView request) {
        return ConditionClause.compile(operator, key, values, true).test(request);
    }

    /** {@link #holds} for a key given a single request value. */
    static boolean holds(String operator, String key, String policyValue, String requestValue) {
        return holds(operator, key, List.of(policyValue), with(key, requestValue));
    }
}
