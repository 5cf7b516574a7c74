package dev.warden.bench.agent;

import dev.warden.spi.Principal;
import dev.warden.spi.RequestContext;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The application of {@link AgentStartup} and {@link AgentAttachTime}: loads and initializes every generated class
 * ({@code app.C0000}...), calls a method of each, and calls the enforced ones as {@code caller}; prints
 * {@code loaded N classes in T ms}. With {@code --loop} it then calls an enforced method every 20 ms and prints
 * {@code allowed} or {@code denied} when that changes.
 */
public final class ManyClassesApp {

    private ManyClassesApp() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        String caller = args[1];
        boolean loop = args.length > 2 && args[2].equals("--loop");
        long start = System.nanoTime();
        Object enforced = null;
        Method enforcedMethod = null;
        long sum = 0;
        RequestContext context = new RequestContext(Principal.of("arn:aws:iam::111122223333:user/" + caller),
                Map.of(), "startup");
        try (RequestContext.Scope ignored = RequestContext.bind(context)) {
            for (int i = 0; i < count; i++) {
                Class<?> type = Class.forName(String.format("app.C%04d", i));
                Object instance = type.getDeclaredConstructor().newInstance();
                sum += (int) type.getMethod("m0", int.class).invoke(instance, i);
                for (Method m : type.getDeclaredMethods()) {
                    if (m.getName().equals("getOrder")) {
                        sum += (int) m.invoke(instance, Integer.toString(i));
                        enforced = instance;
                        enforcedMethod = m;
                    }
                }
            }
        }
        System.out.printf("loaded %d classes in %d ms (%d)%n", count, (System.nanoTime() - start) / 1_000_000, sum);
        System.out.flush();
        if (!loop || enforcedMethod == null) {
            return;
        }
        String last = "";
        try (RequestContext.Scope ignored = RequestContext.bind(context)) {
            while (true) {
                String now;
                try {
                    enforcedMethod.invoke(enforced, "1");
                    now = "allowed";
                } catch (java.lang.reflect.InvocationTargetException e) {
                    now = e.getCause() instanceof SecurityException
                            || e.getCause().getClass().getSimpleName().equals("AccessDeniedException")
                            ? "denied" : "failed " + e.getCause();
                }
                if (!now.equals(last)) {
                    System.out.println(now + " at " + System.currentTimeMillis());
                    System.out.flush();
                    last = now;
                }
                Thread.sleep(20);
            }
        }
    }
}
