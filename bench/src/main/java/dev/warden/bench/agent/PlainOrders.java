package dev.warden.bench.agent;

/** The baseline of {@link AgentCallBenchmark}: {@link AuthorizedOrders} without annotations (never woven). */
public class PlainOrders {

    public int getOrder(String id) {
        return id.length() * 31 + 7;
    }

    public int getOrderOf(OrderRef order) {
        return order.id().length() * 31 + 7;
    }
}
