package dev.warden.bench.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent adds to the start of an application of 5,000 classes (50 of them with an {@code @Authorize}
 * method): the application is started {@code runs} times without the agent and {@code runs} times with it,
 * alternately, and each run timed from launch to exit (it loads and initializes every class, calls them, and ends).
 * Reports the medians, their difference and ratio, the agent's own figure for its {@code premain}, and the
 * application's time to load its classes.
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar dev.warden.bench.agent.AgentStartup [runs] [classes]}</pre>
 */
public final class AgentStartup {

    private static final Pattern PREMAIN = Pattern.compile("enforcing with store .* in (\\d+) ms");
    private static final Pattern LOADED = Pattern.compile("loaded \\d+ classes in (\\d+) ms");

    private AgentStartup() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int classes = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        Path folder = Files.createTempDirectory("warden-agent-startup");
        long generating = System.nanoTime();
        GeneratedApp app = GeneratedApp.create(folder, classes, 100);
        System.out.printf("generated %d classes in %d ms: %s%n", classes,
                (System.nanoTime() - generating) / 1_000_000, app.jar());
        String agent = "-javaagent:" + GeneratedApp.agentJar() + "=config=" + app.config();
        List<Long> bare = new ArrayList<>();
        List<Long> agented = new ArrayList<>();
        List<Long> premain = new ArrayList<>();
        List<Long> loadBare = new ArrayList<>();
        List<Long> loadAgented = new ArrayList<>();
        run(app, null, classes); // warm the page cache, not counted
        for (int i = 0; i < runs; i++) {
            Run without = run(app, null, classes);
            Run with = run(app, agent, classes);
            bare.add(without.millis);
            agented.add(with.millis);
            loadBare.add(without.load);
            loadAgented.add(with.load);
            premain.add(with.premain);
            System.out.printf("run %d: without %d ms (classes %d ms), with %d ms (classes %d ms, premain %d ms)%n",
                    i + 1, without.millis, without.load, with.millis, with.load, with.premain);
        }
        long b = median(bare);
        long a = median(agented);
        System.out.printf("%nmedian of %d: without the agent %d ms, with it %d ms: +%d ms (%.2fx); premain %d ms; "
                        + "loading the %d classes %d ms -> %d ms%n", runs, b, a, a - b, (double) a / b,
                median(premain), classes, median(loadBare), median(loadAgented));
    }

    private record Run(long millis, long load, long premain) {
    }

    private static Run run(GeneratedApp app, String agent, int classes) throws Exception {
        List<String> command = new ArrayList<>(List.of(GeneratedApp.java(), "-Xshare:auto"));
        if (agent != null) {
            command.add(agent);
        }
        command.addAll(Arrays.asList("-cp", app.jar().toString(), ManyClassesApp.class.getName(),
                Integer.toString(classes), "reader"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        Thread reader = GeneratedApp.drain(process.getInputStream(), output, null);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the application did not end:\n" + output);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        reader.join();
        if (process.exitValue() != 0 || output.indexOf("denied") >= 0) {
            throw new IllegalStateException("the application failed:\n" + output);
        }
        return new Run(millis, number(LOADED, output, "the application's load time"),
                agent == null ? 0 : number(PREMAIN, output, "the agent's start line"));
    }

    private static long number(Pattern pattern, CharSequence output, String what) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in:\n" + output);
        }
        return Long.parseLong(m.group(1));
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
