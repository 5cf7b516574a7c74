package dev.warden.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method (or every public method of a type) as an IAM action on a resource. The Warden agent checks the
 * current principal before the method runs and throws {@link AccessDeniedException} when the answer is not
 * allowed.
 *
 * <pre>{@code
 * @Authorize(action = "orders:GetOrder", resource = "arn:aws:orders:{region}:{account}:order/{id}")
 * Order getOrder(String id) { ... }
 * }</pre>
 *
 * <p>In {@link #resource()}, {@code {name}} is a method parameter (by name when compiled with
 * {@code -parameters}, or {@code {0}}, {@code {1}} by position), {@code {name.property}} a property of it, and
 * {@code {account}} the calling principal's account.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Authorize {

    /** The IAM action, {@code service:Action}. */
    String action();

    /** The resource ARN template; {@code "*"} for actions that take no resource. */
    String resource() default "*";
}
