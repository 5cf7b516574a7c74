package dev.warden.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code warden} command line. */
@Command(name = "warden", mixinStandardHelpOptions = true, versionProvider = WardenCommand.Version.class,
        description = "AWS IAM, in-process, for any JVM application.",
        subcommands = {InitCommand.class, IamCommand.class, SimulateCommand.class, ServeCommand.class,
            CredentialReportCommand.class, CommandLine.HelpCommand.class})
public final class WardenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The CLI reports problems itself; library log lines below WARN would only be noise on a terminal.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("warden.log", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        CommandLine commandLine = commandLine();
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(commandLine.execute(args));
    }

    /** The configured command line, also used by tests. */
    static CommandLine commandLine() {
        return new CommandLine(new WardenCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'warden simulate --help'");
    }

    /** Reports the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = WardenCommand.class.getPackage().getImplementationVersion();
            return new String[] {"warden " + (version == null ? "(development build)" : version)};
        }
    }
}
