package dev.warden.agent.internal.template;

/** A template that cannot apply to the method it is written for: names a parameter it lacks, a property its type lacks. */
public final class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }
}
