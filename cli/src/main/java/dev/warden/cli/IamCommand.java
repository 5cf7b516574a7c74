package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code warden iam OPERATION --store DIR --account-id ID [--aws-cli-params ...]}: one IAM operation on a store, with
 * the AWS CLI's names ({@code create-user --user-name alice}), answering with the AWS CLI's JSON. Acts as the
 * account's root user unless {@code --caller} names another principal (whose permissions then apply). On an error,
 * prints AWS's line ({@code An error occurred (NoSuchEntity) when calling the GetUser operation: ...}) to standard
 * error and exits 254, as the AWS CLI does.
 */
@Command(name = "iam", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an IAM operation on a store, with the AWS CLI's operation and parameter names.",
            "",
            "  warden iam create-user --store warden-data --account-id 111122223333 --user-name alice",
            "  warden iam attach-user-policy --store warden-data --account-id 111122223333 --user-name alice \\",
            "      --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
            "  warden iam put-user-policy ... --policy-name p --policy-document file://policy.json"})
final class IamCommand implements Callable<Integer> {

    /** The AWS CLI's exit code for a service error. */
    static final int SERVICE_ERROR = 254;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OPERATION", description = "The operation, as the AWS CLI names it: create-user, list-policies, ...")
    String operation;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "warden-data", description = "The store folder (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--account-id", paramLabel = "ID", required = true, description = "The account (12 digits).")
    String accountId;

    @Option(names = "--caller", paramLabel = "ARN", description = "Act as this principal instead of the account's root user.")
    String caller;

    @CommandLine.Unmatched
    List<String> parameters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        String action = AwsCliParameters.operation(operation);
        Map<String, String> params;
        Principal principal;
        try {
            params = AwsCliParameters.parse(parameters);
            principal = Principal.of(caller != null ? caller : "arn:aws:iam::" + accountId + ":root");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Warden warden = LocalStore.open(store)) {
            ObjectNode response = warden.iam().call(principal, accountId, action, params);
            spec.commandLine().getOut().print(AwsCliOutput.format(response));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IamException e) {
            spec.commandLine().getErr().println("An error occurred (" + e.error().code() + ") when calling the " + action
                    + " operation: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return SERVICE_ERROR;
        }
    }
}
