package testapp;

import dev.warden.spi.Principal;
import dev.warden.spi.RequestContext;
import java.util.Map;
import java.util.concurrent.Callable;

/** How the test applications report: one line per step, and the caller each step runs as. */
final class Steps {

    static final String ACCOUNT = "111122223333";

    private Steps() {
    }

    /** Prints {@code name: allowed} or {@code name: threw CLASS: MESSAGE}. */
    static void step(String name, Callable<?> call) {
        print(name, attempt(call));
    }

    static void print(String name, String outcome) {
        System.out.println(name + ": " + outcome);
    }

    /** {@code allowed} when {@code call} returns, else what it threw: what a test asserts on. */
    static String attempt(Callable<?> call) {
        try {
            call.call();
            return "allowed";
        } catch (Exception e) {
            return "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Runs {@code body} with the IAM user {@code user} bound as the request's principal. */
    static void as(String user, Runnable body) {
        try (RequestContext.Scope ignored = RequestContext.bind(context(user))) {
            body.run();
        }
    }

    static RequestContext context(String user) {
        return new RequestContext(Principal.of("arn:aws:iam::" + ACCOUNT + ":user/" + user), Map.of(),
                "request-of-" + user);
    }
}
