package dev.warden.agent.sample;

import dev.warden.spi.AccessDeniedException;
import dev.warden.spi.Authorize;
import dev.warden.spi.Principal;
import dev.warden.spi.RequestContext;
import java.util.Map;

/**
 * An application whose package starts like the agent's own ({@code dev.warden.agent.}): the agent must weave it
 * like any other (only its bootstrap bridge and its own class loader are off limits).
 */
public final class NeighbourApp {

    @Authorize(action = "orders:GetOrder", resource = "arn:aws:orders:{region}:{account}:order/{id}")
    public String getOrder(String id) {
        return "order " + id;
    }

    public static void main(String[] args) {
        Principal bob = Principal.of("arn:aws:iam::111122223333:user/bob");
        try (RequestContext.Scope ignored = RequestContext.bind(new RequestContext(bob, Map.of(), "r"))) {
            new NeighbourApp().getOrder("7");
            System.out.println("bob getOrder 7: allowed");
        } catch (AccessDeniedException e) {
            System.out.println("bob getOrder 7: denied");
        }
    }
}
