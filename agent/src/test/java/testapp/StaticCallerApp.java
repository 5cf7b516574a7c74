package testapp;

/**
 * An application with its own notion of the signed-in user, in a static method and in a static {@code ThreadLocal}
 * (as many older applications have): the agent reads whichever its config names.
 */
public final class StaticCallerApp {

    /** The application's own sign-in, as a {@code ThreadLocal}. */
    static final ThreadLocal<String> SIGNED_IN = new ThreadLocal<>();

    private StaticCallerApp() {
    }

    /** The application's own sign-in, as a static method. */
    static String currentUser() {
        return SIGNED_IN.get();
    }

    public static void main(String[] args) {
        Orders orders = new Orders();
        for (String user : args) {
            SIGNED_IN.set(user.equals("-") ? null : user);
            Steps.step(user + " getOrder 7", () -> orders.getOrder("7"));
        }
        SIGNED_IN.set("arn:aws:iam::111122223333:user/alice");
        Steps.step("alice by ARN getOrder 7", () -> orders.getOrder("7"));
        SIGNED_IN.set("../role/Admin");
        Steps.step("forged name getOrder 7", () -> orders.getOrder("7"));
    }
}
