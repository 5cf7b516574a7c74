package testapp;

import dev.warden.spi.Authorize;

/**
 * The enforced service: annotated methods covering each template form, and {@link #deleteOrder}, which carries no
 * annotation and is enforced only when a config's pointcut names it.
 */
public class Orders {

    @Authorize(action = "orders:GetOrder", resource = "arn:aws:orders:{region}:{account}:order/{id}")
    public String getOrder(String id) {
        return "order " + id;
    }

    @Authorize(action = "orders:GetOrder", resource = "arn:aws:orders:{region}:{account}:order/{order.id}")
    public String getOrderOf(Order order) {
        return "order " + order.id();
    }

    // the parameter's name differs from the template's on purpose: {0} is resolved by position
    @Authorize(action = "orders:GetOrder", resource = "arn:aws:orders:{region}:{account}:order/{0}")
    public String getOrderAt(String orderNumber) {
        return "order " + orderNumber;
    }

    @Authorize(action = "orders:AddItem", resource = "arn:aws:orders:{region}:{account}:order/{id}",
            context = "orders:Item={item}")
    public String addItem(String id, String item) {
        return item + " added to order " + id;
    }

    public String deleteOrder(String id) {
        return "order " + id + " deleted";
    }
}
