package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warden init --store DIR --account-id ID [--account-alias A]}: creates the store (if new) and the account,
 * with a user {@code admin} holding AdministratorAccess and an access key, whose secret is printed once.
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create an account with an administrator and its access key (printed once).", "",
            "  warden init --store warden-data --account-id 111122223333"})
final class InitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "warden-data", description = "The store folder (default: ${DEFAULT-VALUE}); created if it does not exist.")
    Path store;

    @Option(names = "--account-id", paramLabel = "ID", required = true, description = "The new account's id (12 digits).")
    String accountId;

    @Option(names = "--account-alias", paramLabel = "ALIAS", description = "An alias for the account.")
    String alias;

    @Override
    public Integer call() throws IOException {
        try (Warden warden = LocalStore.open(store)) {
            Principal root = Principal.of("arn:aws:iam::" + accountId + ":root");
            warden.iam().createAccount(accountId, alias);
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
        }
    }
}
