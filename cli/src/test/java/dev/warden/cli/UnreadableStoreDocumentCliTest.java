package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code warden} command is a fresh process with no last good state: over a store whose group file is corrupt,
 * {@code simulate} denies the group's members (the group held a Deny) and names the file; {@code iam create-policy}
 * over a corrupt policy file is refused, leaving the file as it is, while the old attachments remain.
 */
class UnreadableStoreDocumentCliTest {

    private static final String ACCOUNT = "111122223333";
    private static final String DENY_DELETE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]}";

    @TempDir
    Path folder;

    private String store;

    private CliRun iam(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "iam";
        all[1] = args[0];
        all[2] = "--store";
        all[3] = store;
        all[4] = "--account-id";
        all[5] = ACCOUNT;
        System.arraycopy(args, 1, all, 6, args.length - 1);
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isIn(0, IamCommand.SERVICE_ERROR);
        return run;
    }

    @BeforeEach
    void makeStore() {
        store = folder.resolve("warden-data").toString();
        assertThat(CliRun.of("init", "--store", store, "--account-id", ACCOUNT).exitCode()).isZero();
        iam("create-group", "--group-name", "ops");
        iam("put-group-policy", "--group-name", "ops", "--policy-name", "no-deletes", "--policy-document", DENY_DELETE);
        iam("create-user", "--user-name", "alice");
        iam("attach-user-policy", "--user-name", "alice", "--policy-arn",
                "arn:aws:iam::aws:policy/AdministratorAccess");
        iam("add-user-to-group", "--group-name", "ops", "--user-name", "alice");
        iam("create-policy", "--policy-name", "NoDeletes", "--policy-document", DENY_DELETE);
        iam("attach-user-policy", "--user-name", "alice", "--policy-arn",
                "arn:aws:iam::111122223333:policy/NoDeletes");
    }

    private CliRun simulate(String action) {
        return CliRun.of("simulate", "--store", store, "--principal", "arn:aws:iam::111122223333:user/alice",
                "--action", action, "--resource", "arn:aws:s3:::downloads/a", "--explain");
    }

    @Test
    void simulate_over_a_corrupt_group_holding_a_deny_denies_its_member_and_names_the_file() throws Exception {
        assertThat(simulate("s3:DeleteObject").outLines().get(0)).isEqualTo("ExplicitlyDenied");
        Files.writeString(Path.of(store, "accounts/111122223333/groups/ops.json"), "{\"groupName\": \"ops\",");

        CliRun run = simulate("s3:GetObject");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("ExplicitlyDenied");
        assertThat(run.outLines().get(1)).isEqualTo("User: arn:aws:iam::111122223333:user/alice is not authorized "
                + "to perform: s3:GetObject on resource: arn:aws:s3:::downloads/a because the store document "
                + "accounts/111122223333/groups/ops.json, which applies to this principal, cannot be read; every "
                + "request of the principal is denied until the document is repaired");
        assertThat(run.out()).contains("Unreadable store document: accounts/111122223333/groups/ops.json at /: "
                + "invalid JSON");
    }

    @Test
    void create_policy_over_a_corrupt_policy_file_is_refused_naming_it() throws Exception {
        Path policy = Path.of(store, "accounts/111122223333/policies/NoDeletes.json");
        Files.writeString(policy, "{}");

        CliRun run = iam("create-policy", "--policy-name", "NoDeletes", "--policy-document",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

        assertThat(run.exitCode()).isEqualTo(IamCommand.SERVICE_ERROR);
        assertThat(run.err().strip()).isEqualTo("An error occurred (EntityTemporarilyUnmodifiable) when calling the "
                + "CreatePolicy operation: The store document accounts/111122223333/policies/NoDeletes.json cannot be "
                + "read (at /policyName: \"policyName\" is required); repair the file or delete it before changing "
                + "what it holds.");
        assertThat(policy).hasContent("{}");
        assertThat(iam("create-user", "--user-name", "bob").exitCode()).as("writes elsewhere work").isZero();
    }
}
