package dev.warden.core.simulate;

/** A simulation case that cannot be evaluated: a field of the wrong shape, or a policy AWS would refuse. */
public final class InvalidCaseException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidCaseException(String message) {
        super(message, null, false, false);
    }
}
