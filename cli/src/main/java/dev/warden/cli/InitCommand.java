package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warden init --store DIR --account-id ID [--account-alias A] [--root-email E] [--root-password-file F]}:
 * creates the store (if new) and the account, with a user {@code admin} holding AdministratorAccess and an access
 * key, whose secret is printed once; optionally the root user's sign-in email and console password (read from a
 * file, never from the command line).
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create an account with an administrator and its access key (printed once).", "",
            "  warden init --store warden-data --account-id 111122223333",
            "  warden init --store warden-data --account-id 111122223333 --root-email owner@example.com "
                    + "--root-password-file root-password.txt"})
final class InitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "warden-data", description = "The store folder (default: ${DEFAULT-VALUE}); created if it does not exist.")
    Path store;

    @Option(names = "--account-id", paramLabel = "ID", required = true, description = "The new account's id (12 digits).")
    String accountId;

    @Option(names = "--account-alias", paramLabel = "ALIAS", description = "An alias for the account.")
    String alias;

    @Option(names = "--root-email", paramLabel = "EMAIL",
            description = "The email address the account's root user signs in with (Warden.loginAsRoot).")
    String rootEmail;

    @Option(names = "--root-password-file", paramLabel = "FILE", description = "A file holding the root user's "
            + "console password (its first line). Without it the root user has no password and cannot sign in.")
    Path rootPasswordFile;

    @Override
    public Integer call() throws IOException {
        char[] rootPassword;
        try {
            rootPassword = rootPasswordFile == null ? null : firstLine(rootPasswordFile);
        } catch (IOException e) {
            spec.commandLine().getErr().println("warden init: cannot read the root password file " + rootPasswordFile
                    + ": " + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            return CommandLine.ExitCode.USAGE;
        }
        try (Warden warden = LocalStore.open(store)) {
            Principal root = Principal.of("arn:aws:iam::" + accountId + ":root");
            warden.iam().createAccount(accountId, alias, rootEmail, rootPassword);
            warden.iam().call(root, accountId, "CreateUser", Map.of("UserName", "admin"));
            warden.iam().call(root, accountId, "AttachUserPolicy",
                    Map.of("UserName", "admin", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
            ObjectNode key = warden.iam().call(root, accountId, "CreateAccessKey", Map.of("UserName", "admin"));
            PrintWriter out = spec.commandLine().getOut();
            out.println("# account " + accountId + " created in " + store.toAbsolutePath().normalize()
                    + " with user admin (AdministratorAccess); the secret is shown only now");
            out.println("AWS_ACCESS_KEY_ID=" + key.at("/AccessKey/AccessKeyId").asText());
            out.println("AWS_SECRET_ACCESS_KEY=" + key.at("/AccessKey/SecretAccessKey").asText());
            out.flush();
            return 0;
        } catch (IamException e) {
            spec.commandLine().getErr().println("An error occurred (" + e.error().code() + ") when initializing account "
                    + accountId + ": " + e.getMessage());
            return IamCommand.SERVICE_ERROR;
        } finally {
            if (rootPassword != null) {
                Arrays.fill(rootPassword, '\0');
            }
        }
    }

    /** The file's first line, without its line break: a password file written by {@code echo} works as it is. */
    private static char[] firstLine(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
    }
}
