package dev.warden.cli;

import dev.warden.core.Warden;
import dev.warden.core.iam.Directory;
import dev.warden.core.report.CredentialFindings;
import dev.warden.core.report.CredentialReport;
import dev.warden.core.report.CredentialReportGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warden credential-report --store DIR [--account-id ID]}: the credential report of one account, or of every
 * account in the store, as AWS's CSV on standard output (one header; each account's lines start with its root user's
 * line), then the hygiene warnings ({@link CredentialFindings}) on standard error, one line each, so the CSV can be
 * piped or redirected on its own. Generated from the store as it is now; nothing is written. Exits 0 whatever the
 * warnings, 254 (with AWS's error line) for an account the store does not have.
 */
@Command(name = "credential-report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the credential report (AWS's CSV) of a store's accounts, then warnings on standard",
            "error: access keys older than 90 or 365 days, keys and console passwords never used or unused for",
            "90 days, console passwords without MFA, root user access keys.",
            "",
            "  warden credential-report --store warden-data > report.csv",
            "  warden credential-report --store warden-data --account-id 111122223333"})
final class CredentialReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "warden-data",
            description = "The store folder (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--account-id", paramLabel = "ID", description = "Only this account (default: every account).")
    String accountId;

    @Override
    public Integer call() throws IOException {
        try (Warden warden = LocalStore.open(store)) {
            Directory directory = warden.directory().current();
            Instant now = warden.clock().instant();
            List<String> accounts;
            if (accountId != null) {
                if (directory.account(accountId) == null) {
                    spec.commandLine().getErr().println("An error occurred (NoSuchEntity) when generating the"
                            + " credential report: The account " + accountId + " cannot be found.");
                    spec.commandLine().getErr().flush();
                    return IamCommand.SERVICE_ERROR;
                }
                accounts = List.of(accountId);
            } else {
                accounts = directory.accounts().keySet().stream().sorted().toList();
            }
            List<CredentialReport> reports = new ArrayList<>();
            for (String id : accounts) {
                reports.add(CredentialReportGenerator.generate(directory, id, now));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(CredentialReport.csv(reports));
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            for (CredentialReport report : reports) {
                for (CredentialFindings.Finding finding : CredentialFindings.of(report, now)) {
                    err.println("warning: " + finding.arn() + ": " + finding.message());
                }
            }
            err.flush();
            return 0;
        }
    }
}
