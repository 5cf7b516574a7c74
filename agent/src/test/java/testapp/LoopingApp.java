package testapp;

/**
 * Runs as a service would, started without the agent: calls {@link Orders#getOrder} as the user named in its
 * argument every 50 ms and prints each outcome ({@code call N: allowed}), for at most a minute.
 */
public final class LoopingApp {

    private LoopingApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        Orders orders = new Orders();
        long end = System.nanoTime() + 60_000_000_000L;
        for (int call = 1; System.nanoTime() < end; call++) {
            String id = Integer.toString(call);
            Steps.as(args[0], () -> Steps.step("call " + id, () -> orders.getOrder(id)));
            Thread.sleep(50);
        }
    }
}
