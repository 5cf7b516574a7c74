package dev.warden.agent.internal.config;

import java.util.List;
import java.util.Map;

/**
 * Methods to enforce without an annotation: code that cannot be recompiled.
 *
 * @param location where it is written, {@code FILE /pointcuts/N}, for messages
 * @param classPattern a class name, or a pattern where {@code *} stands for any run of characters but {@code .}
 *     and {@code **} for any run at all ({@code com.example.**Service})
 * @param method the method's name
 * @param parameters the parameter types, fully qualified ({@code java.lang.String}, {@code int},
 *     {@code byte[]}), to pick one overload; {@code null} for every method of that name
 * @param action the IAM action
 * @param resource the resource ARN template
 * @param context extra condition keys: name to template
 */
public record PointcutConfig(String location, String classPattern, String method, List<String> parameters,
                             String action, String resource, Map<String, String> context) {

    public PointcutConfig {
        parameters = parameters == null ? null : List.copyOf(parameters);
        context = Map.copyOf(context);
    }

    /** Whether the pattern names one class rather than a family. */
    public boolean exactClass() {
        return classPattern.indexOf('*') < 0;
    }

    /** Whether class {@code name} (binary name, {@code a.b.Outer$Inner}) matches the pattern. */
    public boolean matchesClass(String name) {
        return exactClass() ? classPattern.equals(name) : matches(classPattern, 0, name, 0);
    }

    private static boolean matches(String pattern, int p, String name, int n) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                boolean any = p + 1 < pattern.length() && pattern.charAt(p + 1) == '*';
                int next = p + (any ? 2 : 1);
                for (int end = n; end <= name.length(); end++) {
                    if (matches(pattern, next, name, end)) {
                        return true;
                    }
                    if (end < name.length() && !any && name.charAt(end) == '.') {
                        return false;
                    }
                }
                return false;
            }
            if (n >= name.length() || name.charAt(n) != c) {
                return false;
            }
            p++;
            n++;
        }
        return n == name.length();
    }

    /** {@code OrderService.deleteOrder(java.lang.String)}, for messages. */
    public String describe() {
        return classPattern + "." + method + (parameters == null ? "(..)" : "(" + String.join(", ", parameters) + ")");
    }
}
