package dev.warden.core.admin;

import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of one IAM call, as the Query API names them ({@code UserName}, {@code PolicyDocument},
 * {@code Tags.member.1.Key}), with AWS's validation messages for what is missing or malformed.
 */
public final class Params {

    private final Map<String, String> values;

    public Params(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The names of the parameters given. */
    public Set<String> names() {
        return new TreeSet<>(values.keySet());
    }

    /**
     * A required parameter, checked against {@code constraint}. Error messages name the parameter as AWS does, in
     * lower camel case ({@code policyArn} for {@code PolicyArn}).
     */
    public String required(String name, Constraint constraint) throws IamException {
        String value = values.get(name);
        if (value == null) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value null at '"
                    + lowerFirst(name) + "' failed to satisfy constraint: Member must not be null");
        }
        return named(name, constraint).check(value);
    }

    /** A required parameter without a pattern. */
    public String required(String name) throws IamException {
        String value = values.get(name);
        if (value == null) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value null at '"
                    + lowerFirst(name) + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** An optional parameter checked against {@code constraint}, or {@code fallback}. */
    public String optional(String name, Constraint constraint, String fallback) throws IamException {
        String value = values.get(name);
        return value == null ? fallback : named(name, constraint).check(value);
    }

    /** {@code constraint} reporting as parameter {@code name}. */
    private static Constraint named(String name, Constraint constraint) {
        String field = lowerFirst(name);
        return field.equals(constraint.field()) ? constraint
                : new Constraint(field, constraint.min(), constraint.max(), constraint.pattern());
    }

    /** An optional parameter, or {@code null}. */
    public String optional(String name) {
        return values.get(name);
    }

    /** A whole number within bounds, or {@code fallback}. */
    public int integer(String name, int min, int max, int fallback) throws IamException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the validation error
        }
        throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value '" + value + "' at '"
                + lowerFirst(name) + "' failed to satisfy constraint: Member must have value between " + min + " and " + max);
    }

    /** {@code true}/{@code false}, or {@code fallback}. */
    public boolean bool(String name, boolean fallback) throws IamException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value '" + value + "' at '"
                + lowerFirst(name) + "' failed to satisfy constraint: Member must be true or false");
    }

    /** A list parameter: {@code NAME.member.1}, {@code NAME.member.2}, ... */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (int i = 1; values.containsKey(name + ".member." + i); i++) {
            out.add(values.get(name + ".member." + i));
        }
        return out;
    }

    /** Tags: {@code Tags.member.N.Key} and {@code .Value}, checked against AWS's constraints. */
    public List<Tag> tags(String name) throws IamException {
        List<Tag> tags = new ArrayList<>();
        for (int i = 1; values.containsKey(name + ".member." + i + ".Key"); i++) {
            String key = Constraint.TAG_KEY.check(values.get(name + ".member." + i + ".Key"));
            String value = Constraint.TAG_VALUE.check(values.getOrDefault(name + ".member." + i + ".Value", ""));
            tags.add(new Tag(key, value));
        }
        return tags;
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
