package dev.warden.agent.internal.principal;

import dev.warden.spi.Principal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what a source found into a principal: an ARN as it is, a name through the configured template
 * ({@code arn:aws:iam::111122223333:user/{name}}). Names must be valid IAM names, so that no name can reach into
 * another path of the ARN.
 */
public final class CallerNames {

    private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    private final String arnTemplate;

    /** Names become ARNs through {@code arnTemplate} (may be {@code null}: only ARNs are accepted). */
    public CallerNames(String arnTemplate) {
        this.arnTemplate = arnTemplate;
    }

    /**
     * The principal {@code found} names.
     *
     * @throws IllegalArgumentException when it names none (a name that is no IAM name, a value of another type)
     */
    public Principal principal(Object found) throws Throwable {
        Object value = found instanceof Optional<?> optional ? optional.orElse(null) : found;
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof CharSequence chars) {
            text = chars.toString();
        } else if (value instanceof java.security.Principal user) {
            text = user.getName();
        } else if (value.getClass().getName().equals("dev.warden.spi.Principal")) {
            text = (String) value.getClass().getMethod("arn").invoke(value);
        } else {
            throw new IllegalArgumentException("the caller source gave a " + value.getClass().getName()
                    + "; expected a String, a java.security.Principal or a dev.warden.spi.Principal");
        }
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.startsWith("arn:")) {
            return Principal.of(text);
        }
        if (!IAM_NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("the caller's name is not an IAM name ([\\w+=,.@-], 1 to 64): '"
                    + text + "'");
        }
        if (arnTemplate == null) {
            throw new IllegalArgumentException("the caller source gave the name '" + text
                    + "' but the config has no \"arn\" template to make it an ARN");
        }
        return Principal.of(arnTemplate.replace("{name}", text));
    }
}
