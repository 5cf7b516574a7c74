package dev.warden.agent.bootstrap;

/**
 * What the agent throws on denial when the application's class loader sees neither
 * {@code dev.warden.spi.AccessDeniedException} nor a configured exception type: an unmodified application that knows
 * nothing of Warden still gets a {@link SecurityException} with AWS's message.
 */
public final class DeniedException extends SecurityException {

    private static final long serialVersionUID = 1L;

    public DeniedException(String message) {
        super(message);
    }
}
