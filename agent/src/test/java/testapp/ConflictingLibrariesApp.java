package testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * An application that bundles its own Byte Buddy and Jackson (other versions than the agent's) and uses them while
 * its {@code @Authorize} methods are enforced; it also looks for the agent's relocated copies of them.
 */
public final class ConflictingLibrariesApp {

    private ConflictingLibrariesApp() {
    }

    public static void main(String[] args) throws Exception {
        Steps.step("byte buddy subclass", () -> {
            Object made = new ByteBuddy().subclass(Object.class)
                    .method(ElementMatchers.named("toString")).intercept(FixedValue.value("made by the app"))
                    .make().load(ConflictingLibrariesApp.class.getClassLoader()).getLoaded()
                    .getDeclaredConstructor().newInstance();
            if (!made.toString().equals("made by the app")) {
                throw new IllegalStateException("the subclass says " + made);
            }
            return made;
        });
        Steps.print("byte buddy from", location(ByteBuddy.class));
        Steps.step("jackson readTree", () -> {
            int order = new ObjectMapper().readTree("{\"order\": 7}").get("order").asInt();
            if (order != 7) {
                throw new IllegalStateException("read " + order);
            }
            return order;
        });
        Steps.print("jackson from", location(ObjectMapper.class));
        Steps.print("jackson version", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        for (String internal : new String[] {"dev.warden.agent.shaded.jackson.databind.ObjectMapper",
                "dev.warden.agent.shaded.bytebuddy.ByteBuddy", "dev.warden.agent.internal.Installer"}) {
            Steps.step("load " + internal, () -> Class.forName(internal));
        }
        Orders orders = new Orders();
        Steps.as("alice", () -> Steps.step("alice getOrder 7", () -> orders.getOrder("7")));
        Steps.as("bob", () -> Steps.step("bob getOrder 7", () -> orders.getOrder("7")));
    }

    private static String location(Class<?> type) {
        return String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
    }
}
