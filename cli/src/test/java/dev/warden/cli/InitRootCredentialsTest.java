package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.Warden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warden init --root-email E --root-password-file F}: the new account's root user gets its sign-in email and
 * console password (from a file, so it is in no shell history), in the same change as the account: a refused
 * password creates nothing.
 */
class InitRootCredentialsTest {

    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path dir;

    @Test
    void the_root_user_signs_in_with_the_email_and_the_password_from_the_file() throws Exception {
        Path store = dir.resolve("warden-data");
        Path passwordFile = Files.writeString(dir.resolve("root-password.txt"), "Root-Password-1\n");

        CliRun run = CliRun.of("init", "--store", store.toString(), "--account-id", ACCOUNT,
                "--root-email", "owner@example.com", "--root-password-file", passwordFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("Root-Password-1");
        try (Warden warden = LocalStore.open(store)) {
            assertThat(warden.directory().current().account(ACCOUNT).root().email()).isEqualTo("owner@example.com");
            assertThat(warden.loginAsRoot("owner@example.com", "Root-Password-1".toCharArray(), null).credentials())
                    .isNotNull();
        }
        assertThat(Files.readString(store.resolve("accounts/111122223333/account.json")))
                .doesNotContain("Root-Password-1");
    }

    @Test
    void a_password_the_root_rules_refuse_creates_nothing() throws Exception {
        Path store = dir.resolve("warden-data");
        Path passwordFile = Files.writeString(dir.resolve("root-password.txt"), "password");

        CliRun run = CliRun.of("init", "--store", store.toString(), "--account-id", ACCOUNT,
                "--root-password-file", passwordFile.toString());

        assertThat(run.exitCode()).isEqualTo(IamCommand.SERVICE_ERROR);
        assertThat(run.err()).startsWith("An error occurred (PasswordPolicyViolation) when initializing account "
                + ACCOUNT + ": Password does not conform to the account password policy.");
        assertThat(run.out()).doesNotContain("AWS_SECRET_ACCESS_KEY");
        try (Warden warden = LocalStore.open(store)) {
            assertThat(warden.directory().current().account(ACCOUNT)).isNull();
        }
    }

    @Test
    void an_unreadable_password_file_is_said_in_one_line() {
        Path missing = dir.resolve("missing.txt");

        CliRun run = CliRun.of("init", "--store", dir.resolve("warden-data").toString(), "--account-id", ACCOUNT,
                "--root-password-file", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("warden init: cannot read the root password file " + missing);
    }
}
