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
 * {@code {account}} the calling principal's account, {@code {region}} and {@code {partition}} the agent's configured
 * region and partition. {@link #context()} adds condition keys the same way:
 *
 * <pre>{@code
 * @Authorize(action = "orders:CreateOrder", resource = "arn:aws:orders:{region}:{account}:order/*",
 *            context = "orders:Item={order.item}")
 * Order createOrder(Order order) { ... }
 * }</pre>
 *
 * <p>On a type, the annotation covers the type's own public methods; one on a method wins over the type's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Authorize {

    /** The IAM action, {@code service:Action}. */
    String action();

    /** The resource ARN template; {@code "*"} for actions that take no resource. */
    String resource() default "*";

    /**
     * Extra condition keys for the check, each {@code "name=template"} ({@code "orders:Item={order.item}"}); the
     * template is resolved like {@link #resource()}. Keys in the {@code aws:} namespace are set by Warden and
     * refused here.
     */
    String[] context() default {};
}
