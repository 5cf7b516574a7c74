package dev.warden.core.policy;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Principal;

/**
 * One {@link AuthorizationRequest} prepared for matching: the action split at its colon, the resource ARN split
 * into its six parts, context keys looked up by lower-case name. Built once per evaluation and read by every
 * statement. Immutable.
 */
public final class RequestView {

    private final AuthorizationRequest request;
    private final int actionColon;
    /** Offsets of the first five colons of the resource ARN, or {@code c1 < 0} if it is not an ARN. */
    private final int c1;
    private final int c2;
    private final int c3;
    private final int c4;
    private final int c5;

    public RequestView(AuthorizationRequest request) {
        this.request = request;
        this.actionColon = request.action().indexOf(':');
        String r = request.resource();
        int a = -1;
        int b = -1;
        int c = -1;
        int d = -1;
        int e = -1;
        if (r.startsWith("arn:")) {
            a = 3;
            b = r.indexOf(':', a + 1);
            c = b < 0 ? -1 : r.indexOf(':', b + 1);
            d = c < 0 ? -1 : r.indexOf(':', c + 1);
            e = d < 0 ? -1 : r.indexOf(':', d + 1);
            if (e < 0) {
                a = -1;
            }
        }
        this.c1 = a;
        this.c2 = b;
        this.c3 = c;
        this.c4 = d;
        this.c5 = e;
    }

    public AuthorizationRequest request() {
        return request;
    }

    public Principal principal() {
        return request.principal();
    }

    public String action() {
        return request.action();
    }

    /** Index of the colon between the action's service prefix and its name. */
    int actionColon() {
        return actionColon;
    }

    public String resource() {
        return request.resource();
    }

    /** Whether the request's resource is the literal {@code "*"} (actions that take no resource). */
    public boolean resourceIsAll() {
        return "*".equals(request.resource());
    }

    /** Whether the resource is an ARN with six parts; the part offsets below are meaningful only then. */
    boolean resourceIsArn() {
        return c1 >= 0;
    }

    int colon(int n) {
        return switch (n) {
            case 1 -> c1;
            case 2 -> c2;
            case 3 -> c3;
            case 4 -> c4;
            default -> c5;
        };
    }

    /** The value of context key {@code lowerCaseKey}, or {@code null} when absent. */
    public ContextValue context(String lowerCaseKey) {
        return request.context().get(lowerCaseKey);
    }

    /**
     * The value a policy variable takes: the key's single value, or {@code null} when the request lacks the key or
     * the key is multivalued (AWS cannot substitute a set into a string).
     */
    String variable(String lowerCaseKey) {
        ContextValue value = request.context().get(lowerCaseKey);
        return value == null || value.multivalued() ? null : value.values().get(0);
    }
}
