package dev.warden.agent;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar warden-agent.jar list} shows the JVMs this user may attach to; {@code attach PID OPTION...}
 * loads the agent into one of them, which then weaves the classes it has already loaded: enforcement starts without
 * a restart. Options are the agent's ({@code config=FILE}); a relative config path is made absolute here, because the
 * target JVM has its own working folder.
 */
final class AttachCommand {

    private static final String USAGE = """
            usage: java -jar warden-agent.jar attach PID [config=FILE] [store=DIR]
                   java -jar warden-agent.jar list
            As -javaagent:warden-agent.jar=config=FILE, the agent reads its JSON config (see the agent's README).""";

    private final PrintStream out;
    private final PrintStream err;

    AttachCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args, Path agentJar) {
        if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0])) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        return switch (args[0]) {
            case "list" -> list();
            case "attach" -> attach(args, agentJar);
            default -> {
                err.println("unknown command '" + args[0] + "'\n" + USAGE);
                yield 2;
            }
        };
    }

    private int list() {
        long self = ProcessHandle.current().pid();
        for (VirtualMachineDescriptor vm : VirtualMachine.list()) {
            if (!vm.id().equals(Long.toString(self))) {
                out.println(vm.id() + "\t" + (vm.displayName().isEmpty() ? "(no main class)" : vm.displayName()));
            }
        }
        return 0;
    }

    private int attach(String[] args, Path agentJar) {
        if (args.length < 2 || !args[1].chars().allMatch(Character::isDigit)) {
            err.println("attach needs the process id of a running JVM (see 'list')\n" + USAGE);
            return 2;
        }
        String pid = args[1];
        List<String> options = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String option = args[i];
            int eq = option.indexOf('=');
            if (eq <= 0) {
                err.println("option '" + option + "' must be NAME=VALUE\n" + USAGE);
                return 2;
            }
            String name = option.substring(0, eq);
            String value = option.substring(eq + 1);
            if (name.equals(FailOpen.OPTION)) {
                err.println(FailOpen.OPTION + " does not apply to attach: an attach that finds a problem installs "
                        + "nothing, and the JVM runs as it did");
                return 2;
            }
            if (name.equals("config") || name.equals("store")) {
                Path path = Path.of(value).toAbsolutePath().normalize();
                if (!Files.exists(path)) {
                    err.println(name + "=" + value + ": " + path + " does not exist");
                    return 2;
                }
                value = path.toString();
            }
            options.add(name + "=" + value);
        }
        List<String> problems = check(agentJar, String.join(",", options));
        if (!problems.isEmpty()) {
            return refused(pid, String.join("\n", problems));
        }
        long start = System.nanoTime();
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            err.println("cannot attach to JVM " + pid + ": " + e.getMessage()
                    + " (is it running as this user, without -XX:+DisableAttachMechanism?)");
            return 1;
        }
        try {
            String running = vm.getSystemProperties().getProperty(AgentState.PROPERTY);
            if (AgentState.isEnforcing(running)) {
                return refused(pid, "the Warden agent is already attached to JVM " + pid + " (" + running
                        + "); restart that JVM to change the agent's configuration");
            }
            vm.loadAgent(agentJar.toString(), String.join(",", options));
            String refusal = AgentState.refusal(vm.getSystemProperties().getProperty(AgentState.ATTACH_PROPERTY));
            if (refusal != null) {
                return refused(pid, refusal);
            }
        } catch (AgentInitializationException e) {
            err.println("the agent started in JVM " + pid + " but reported an error; see that JVM's standard error: "
                    + e.getMessage());
            return 1;
        } catch (AgentLoadException | IOException e) {
            err.println("cannot load the agent into JVM " + pid + ": " + e.getMessage());
            return 1;
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the agent is loaded or not; detaching the launcher's connection changes neither
            }
        }
        out.printf("Warden agent attached to JVM %s in %d ms%n", pid, (System.nanoTime() - start) / 1_000_000);
        return 0;
    }

    private int refused(String pid, String why) {
        why.lines().forEach(line -> err.println("cannot attach: " + line));
        if (!why.startsWith(WardenAgent.INSTALL_FAILED)) {
            err.println("nothing was attached; JVM " + pid + " runs as before");
        }
        return 1;
    }

    /** The config and store problems the agent would find, checked here first so that they can be shown. */
    @SuppressWarnings("unchecked")
    private List<String> check(Path agentJar, String options) {
        try {
            Class<?> check = Class.forName("dev.warden.agent.internal.ConfigCheck", true, InternalJar.open(agentJar));
            return (List<String>) check.getMethod("check", String.class).invoke(null, options);
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return List.of("the agent jar " + agentJar + " cannot be read: " + e);
        }
    }
}
