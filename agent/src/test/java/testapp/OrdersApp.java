package testapp;

/**
 * Calls every enforced method of {@link Orders} and {@link Catalog} once for each user named in the arguments
 * ({@code -} for a call made with no {@code RequestContext} bound, reported as {@code nobody}).
 */
public final class OrdersApp {

    private OrdersApp() {
    }

    public static void main(String[] args) {
        System.out.println("main started");
        for (String user : args) {
            if (user.equals("-")) {
                calls("nobody");
            } else {
                Steps.as(user, () -> calls(user));
            }
        }
    }

    private static void calls(String who) {
        Orders orders = new Orders();
        Catalog catalog = new Catalog();
        Steps.step(who + " getOrder 7", () -> orders.getOrder("7"));
        Steps.step(who + " getOrderOf 8", () -> orders.getOrderOf(new Order("8")));
        Steps.step(who + " getOrderAt 9", () -> orders.getOrderAt("9"));
        Steps.step(who + " addItem 7 book", () -> orders.addItem("7", "book"));
        Steps.step(who + " addItem 7 knife", () -> orders.addItem("7", "knife"));
        Steps.step(who + " deleteOrder 7", () -> orders.deleteOrder("7"));
        Steps.step(who + " catalog list", catalog::list);
        Steps.step(who + " catalog toString", catalog::toString);
    }
}
