package dev.warden.agent.internal.template;

/** A template that could not be rendered for one call (a property read through {@code null}, a getter that threw). */
public final class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
