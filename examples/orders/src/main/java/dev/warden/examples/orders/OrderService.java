package dev.warden.examples.orders;

import dev.warden.spi.Authorize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The orders, in memory. Its annotations are the application's only Warden code: run under the Warden agent, each
 * annotated method is checked before it runs. {@link #deleteOrder} is deliberately left unannotated; the agent's
 * config covers it with a pointcut, as it would a method in a library that cannot be recompiled.
 */
public class OrderService {

    private final Map<String, Order> orders = new ConcurrentSkipListMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** A service holding three orders, 1 to 3. */
    public OrderService() {
        add("alice", "keyboard", 1);
        add("bob", "monitor", 2);
        add("alice", "cable", 5);
    }

    private Order add(String owner, String item, int quantity) {
        String id = Integer.toString(ids.incrementAndGet());
        Order order = new Order(id, owner, item, quantity, "open");
        orders.put(id, order);
        return order;
    }

    @Authorize(action = "orders:ListOrders", resource = "arn:aws:orders:{region}:{account}:order/*")
    public List<Order> listOrders() {
        return new ArrayList<>(orders.values());
    }

    @Authorize(action = "orders:GetOrder", resource = "arn:aws:orders:{region}:{account}:order/{id}")
    public Optional<Order> getOrder(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Authorize(action = "orders:CreateOrder", resource = "arn:aws:orders:{region}:{account}:order/*",
            context = "orders:Item={request.item}")
    public Order createOrder(NewOrder request) {
        return add(request.owner(), request.item(), request.quantity());
    }

    /** Removes order {@code id}; whether there was one. */
    public boolean deleteOrder(String id) {
        return orders.remove(id) != null;
    }
}
