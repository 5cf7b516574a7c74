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

    /**
     * The parts for one account, with literals and the account folded into fixed runs: {@code String}s and
     * {@link Argument}s. A typical ARN template becomes one run and one argument, rendered by one exact-size concat.
     */
    private record Layout(String account, Object[] pieces) {
    }

    private final String text;
    private final Part[] parts;
    private final boolean constant;
    private volatile Layout last;

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
        Layout layout = last;
        if (layout == null || !java.util.Objects.equals(layout.account, account)) {
            layout = layout(account);
            last = layout;
        }
        Object[] pieces = layout.pieces;
        if (pieces.length == 2 && pieces[0] instanceof String fixed && pieces[1] instanceof Argument argument) {
            return fixed.concat(value(argument, arguments));
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (Object piece : pieces) {
            out.append(piece instanceof Argument argument ? value(argument, arguments) : (String) piece);
        }
        return out.toString();
    }

    private Layout layout(String account) {
        java.util.List<Object> pieces = new java.util.ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Argument argument) {
                if (run.length() > 0) {
                    pieces.add(run.toString());
                    run.setLength(0);
                }
                pieces.add(argument);
            } else {
                run.append(part instanceof Literal literal ? literal.text : account == null ? "" : account);
            }
        }
        if (run.length() > 0) {
            pieces.add(run.toString());
        }
        return new Layout(account, pieces.toArray());
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
