package dev.warden.agent.internal.template;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.method.ParameterList;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Compiles templates against the method they guard, when its class is woven: {@code {id}} (a parameter by name, the
 * class compiled with {@code -parameters}), {@code {0}} (by position), {@code {order.customer.id}} (properties),
 * {@code {account}} (the caller's account), {@code {region}} and {@code {partition}} (the agent's). A parameter
 * wins over a built-in of the same name. Whatever can be checked from the class files is checked here, so a typo
 * is reported when the class loads, not when a call is made.
 */
public final class TemplateCompiler {

    private final String region;
    private final String partition;

    /** A compiler that fills {@code {region}} and {@code {partition}} with these values. */
    public TemplateCompiler(String region, String partition) {
        this.region = region;
        this.partition = partition;
    }

    /**
     * {@code text} compiled for {@code method}.
     *
     * @throws TemplateException naming the placeholder and why it cannot be resolved
     */
    public Template compile(String text, MethodDescription method) throws TemplateException {
        List<Template.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new TemplateException("'" + text + "': '}' at " + i + " closes nothing");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int end = text.indexOf('}', i);
            if (end < 0) {
                throw new TemplateException("'" + text + "': '{' at " + i + " is never closed");
            }
            String name = text.substring(i + 1, end);
            if (name.isEmpty() || name.indexOf('{') >= 0) {
                throw new TemplateException("'" + text + "': empty or nested placeholder at " + i);
            }
            Template.Part part = placeholder(text, name, method);
            if (part instanceof Template.Literal fixed) {
                literal.append(fixed.text());
            } else {
                if (literal.length() > 0) {
                    parts.add(new Template.Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(part);
            }
            i = end + 1;
        }
        if (literal.length() > 0) {
            parts.add(new Template.Literal(literal.toString()));
        }
        return new Template(text, parts);
    }

    private Template.Part placeholder(String text, String name, MethodDescription method) throws TemplateException {
        String[] path = name.split("\\.", -1);
        ParameterList<?> parameters = method.getParameters();
        int index = parameterIndex(path[0], parameters);
        if (index < 0) {
            if (path.length == 1) {
                switch (name) {
                    case "account":
                        return new Template.Account();
                    case "region":
                        return new Template.Literal(region);
                    case "partition":
                        return new Template.Literal(partition);
                    default:
                        break;
                }
            }
            throw new TemplateException("'" + text + "': {" + name + "} names no parameter of "
                    + signature(method) + unnamedHint(parameters, path[0]));
        }
        Property[] properties = new Property[path.length - 1];
        TypeDefinition type = parameters.get(index).getType();
        for (int p = 1; p < path.length; p++) {
            if (path[p].isEmpty()) {
                throw new TemplateException("'" + text + "': {" + name + "} has an empty property name");
            }
            type = type == null ? null : propertyType(type, path[p], text, name);
            properties[p - 1] = new Property(path[p]);
        }
        return new Template.Argument(index, name, properties);
    }

    private static int parameterIndex(String name, ParameterList<?> parameters) {
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(name);
            return index < parameters.size() ? index : -2;
        }
        for (ParameterDescription p : parameters) {
            if (p.isNamed() && p.getName().equals(name)) {
                return p.getIndex();
            }
        }
        return -1;
    }

    private static String unnamedHint(ParameterList<?> parameters, String name) {
        boolean named = parameters.stream().allMatch(ParameterDescription::isNamed);
        if (!named && !name.chars().allMatch(Character::isDigit)) {
            return " (its parameter names were not compiled in: compile with -parameters, or use {0}, {1}, ...)";
        }
        return "";
    }

    /**
     * The type of property {@code name} of {@code owner}, or {@code null} when it cannot be told from the class
     * files (then it is looked up at the first call).
     */
    private static TypeDefinition propertyType(TypeDefinition owner, String name, String text, String written)
            throws TemplateException {
        if (owner.isPrimitive() || owner.isArray()) {
            throw new TemplateException("'" + text + "': {" + written + "}: " + owner.getTypeName()
                    + " has no property '" + name + "'");
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        try {
            for (TypeDefinition t = owner; t != null; t = t.getSuperClass()) {
                for (MethodDescription m : t.getDeclaredMethods()) {
                    String n = m.getName();
                    if (m.getParameters().isEmpty() && !m.isStatic() && !m.getReturnType().represents(void.class)
                            && (n.equals("get" + capitalized) || n.equals("is" + capitalized) || n.equals(name))) {
                        return m.getReturnType();
                    }
                }
                for (FieldDescription f : t.getDeclaredFields()) {
                    if (f.getName().equals(name) && !f.isStatic()) {
                        return f.getType();
                    }
                }
            }
        } catch (RuntimeException unresolvable) {
            return null; // a type the class files do not reach: checked at the first call instead
        }
        TypeDescription erasure = owner.asErasure();
        if (erasure.isInterface() || erasure.isAbstract() || erasure.represents(Object.class)) {
            return null; // the runtime class may have it
        }
        throw new TemplateException("'" + text + "': {" + written + "}: " + erasure.getName() + " has no property '"
                + name + "' (no get" + capitalized + "(), is" + capitalized + "(), " + name + "() or field " + name
                + ")");
    }

    /** {@code OrderService.getOrder(String id)}, for messages. */
    public static String signature(MethodDescription method) {
        StringBuilder out = new StringBuilder(method.getDeclaringType().asErasure().getSimpleName())
                .append('.').append(method.getName()).append('(');
        ParameterList<?> parameters = method.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            ParameterDescription p = parameters.get(i);
            out.append(i == 0 ? "" : ", ").append(p.getType().asErasure().getSimpleName());
            if (p.isNamed()) {
                out.append(' ').append(p.getName());
            }
        }
        return out.append(')').toString();
    }
}
