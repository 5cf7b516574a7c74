package dev.warden.bench.agent;

import dev.warden.spi.Authorize;

/** The enforced side of {@link AgentCallBenchmark}: the same bodies as {@link PlainOrders}, annotated. */
public class AuthorizedOrders {

    @Authorize(action = "orders:GetOrder", resource = "arn:aws:orders:{region}:{account}:order/{id}")
    public int getOrder(String id) {
        return id.length() * 31 + 7;
    }

    @Authorize(action = "orders:GetOrder", resource = "arn:aws:orders:{region}:{account}:order/{order.id}")
    public int getOrderOf(OrderRef order) {
        return order.id().length() * 31 + 7;
    }
}
