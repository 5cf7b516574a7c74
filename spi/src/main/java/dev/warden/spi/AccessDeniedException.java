package dev.warden.spi;

import java.util.Objects;

/**
 * Thrown where Warden enforces a decision that is not {@link Outcome#ALLOWED}. The message is AWS's own
 * ({@code User: ... is not authorized to perform: ...}); it names principals, actions and resources, never
 * credentials.
 */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Decision decision;

    /** An exception carrying the denial {@code decision}; its message is the decision's reason. */
    public AccessDeniedException(Decision decision) {
        super(Objects.requireNonNull(decision, "decision").reason());
        this.decision = decision;
    }

    /** The decision that was enforced; {@code null} only after Java serialization, which drops it. */
    public Decision decision() {
        return decision;
    }
}
