package dev.warden.agent.internal.template;

import java.util.List;

/**
 * A resource ARN (or condition key value) template compiled for one method: literal text, the method's arguments
 * and their properties, and the caller's account. Rendering allocates the result and nothing else.
 */
public final class Template {

    /** One piece of the rendered text. */
    sealed interface Part permits Literal, Argument, Account {
    }

    /** Text as written (including {@code {region}} and {@code {partition}}, fixed when the agent starts). */
    record Literal(String text) implements Part {
    }

    /** Argument {@code index}, or a property path of it. */
    record Argument(int index, String written, Property[] path) implements Part {
    }

    /** The caller's account id. */
    record Account() implements Part {
    }

    private final String text;
    private final Part[] parts;
    private final boolean constant;

    Template(String text, List<Part> parts) {
        this.text = text;
        this.parts = parts.toArray(Part[]::new);
        this.constant = parts.stream().allMatch(p -> p instanceof Literal);
    }

    /** The template as written. */
    public String text() {
        return text;
    }

    /** Whether the template reads the caller's account. */
    public boolean readsAccount() {
        for (Part part : parts) {
            if (part instanceof Account) {
                return true;
            }
        }
        return false;
    }

    /**
     * The template for a call with {@code arguments} by a caller in account {@code account}.
     *
     * @throws RenderException when a property cannot be read (through {@code null}, or its getter threw)
     */
    public String render(Object[] arguments, String account) {
        if (constant) {
            return parts.length == 0 ? "" : ((Literal) parts[0]).text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text);
            } else if (part instanceof Argument argument) {
                out.append(value(argument, arguments));
            } else {
                out.append(account == null ? "" : account);
            }
        }
        return out.toString();
    }

    private static String value(Argument argument, Object[] arguments) {
        Object value = arguments[argument.index];
        for (Property property : argument.path) {
            if (value == null) {
                throw new RenderException("{" + argument.written + "}: cannot read '" + property.name()
                        + "' of null", null);
            }
            value = property.read(value);
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return text;
    }
}
