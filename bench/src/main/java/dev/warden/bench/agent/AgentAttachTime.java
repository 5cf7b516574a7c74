package dev.warden.bench.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long {@code warden-agent.jar attach} takes on a running application of 5,000 loaded classes: for each of
 * {@code runs} fresh children (calling an enforced method as bob, who is allowed everything while nothing is
 * enforced), the attach command's wall time, the time it reports itself (attach API to the end of
 * {@code agentmain}: loading the engine, weaving the loaded classes, opening the store), and the time until the
 * child's next call is denied.
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar dev.warden.bench.agent.AgentAttachTime [runs] [classes]}</pre>
 */
public final class AgentAttachTime {

    private static final Pattern ATTACHED = Pattern.compile("attached to JVM \\d+ in (\\d+) ms");
    private static final Pattern DENIED_AT = Pattern.compile("denied at (\\d+)");

    private AgentAttachTime() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int classes = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        GeneratedApp app = GeneratedApp.create(Files.createTempDirectory("warden-agent-attach"), classes, 100);
        Path agent = GeneratedApp.agentJar();
        List<Long> wall = new ArrayList<>();
        List<Long> reported = new ArrayList<>();
        List<Long> untilDenied = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Process child = new ProcessBuilder(GeneratedApp.java(), "-cp", app.jar().toString(),
                    ManyClassesApp.class.getName(), Integer.toString(classes), "bob", "--loop")
                    .redirectErrorStream(true).start();
            StringBuffer output = new StringBuffer();
            GeneratedApp.drain(child.getInputStream(), output, null);
            try {
                await(output, "allowed at", child);
                long start = System.nanoTime();
                long startMillis = System.currentTimeMillis();
                Process attach = new ProcessBuilder(GeneratedApp.java(), "-jar", agent.toString(), "attach",
                        Long.toString(child.pid()), "config=" + app.config()).redirectErrorStream(true).start();
                String said = new String(attach.getInputStream().readAllBytes());
                attach.waitFor(120, TimeUnit.SECONDS);
                long attachMillis = (System.nanoTime() - start) / 1_000_000;
                Matcher m = ATTACHED.matcher(said);
                if (attach.exitValue() != 0 || !m.find()) {
                    throw new IllegalStateException("attach failed: " + said + "\n" + output);
                }
                await(output, "denied at", child);
                Matcher denied = DENIED_AT.matcher(output);
                denied.find();
                wall.add(attachMillis);
                reported.add(Long.parseLong(m.group(1)));
                untilDenied.add(Long.parseLong(denied.group(1)) - startMillis);
                System.out.printf("run %d: attach command %d ms (reports %s ms), first denial %d ms after it "
                        + "started%n", i + 1, attachMillis, m.group(1), untilDenied.get(i));
            } finally {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
        System.out.printf("%nmedian of %d on %d loaded classes: attach command %d ms, reported %d ms, enforcing "
                + "%d ms after the command started%n", runs, classes, AgentStartup.median(wall),
                AgentStartup.median(reported), AgentStartup.median(untilDenied));
    }

    private static void await(StringBuffer output, String text, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (output.indexOf(text) < 0) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("no '" + text + "' from the application:\n" + output);
            }
            Thread.sleep(10);
        }
    }
}
