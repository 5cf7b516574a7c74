package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.Warden;
import dev.warden.core.iam.AccessKey;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.User;
import dev.warden.spi.Principal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warden credential-report}: AWS's CSV of every account (or one) on standard output, the hygiene warnings on
 * standard error, over a store prepared through IAM's operations.
 */
class CredentialReportCommandTest {

    private static final String ACCOUNT = "111122223333";
    private static final String OTHER = "444455556666";
    private static final String A = "arn:aws:iam::111122223333:";
    private static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
            + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    @TempDir
    Path store;

    private String aliceKey;
    private String bobKey;

    private static CliRun warden(String... args) {
        return CliRun.of(args);
    }

    private static void call(Warden warden, String account, String action, String... params) throws Exception {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        warden.iam().call(Principal.of("arn:aws:iam::" + account + ":root"), account, action, map);
    }

    private static String key(Warden warden, String user) throws Exception {
        return warden.iam().call(Principal.of(A + "root"), ACCOUNT, "CreateAccessKey", Map.of("UserName", user))
                .at("/AccessKey/AccessKeyId").asText();
    }

    /** Rewrites user {@code name}'s only key, as if it had been created or used long ago. */
    private static void backdate(Warden warden, String name, UnaryOperator<AccessKey> change) throws Exception {
        warden.directory().update(d -> {
            User user = d.account(ACCOUNT).user(name);
            List<AccessKey> keys = new ArrayList<>();
            user.accessKeys().forEach(k -> keys.add(change.apply(k)));
            return new LiveDirectory.Result<>(null, new Changes().put(ACCOUNT, user.withAccessKeys(keys)));
        });
    }

    /**
     * Account 111122223333: alice (console password, no MFA, a 400-day-old key never used), bob (a 100-day-old key
     * last used 120 days ago), carol (nothing); account 444455556666: dave (nothing).
     */
    @BeforeEach
    void prepareStore() throws Exception {
        Instant now = Instant.now();
        try (Warden warden = LocalStore.open(store)) {
            warden.iam().createAccount(ACCOUNT, null);
            warden.iam().createAccount(OTHER, null);
            for (String user : List.of("alice", "bob", "carol")) {
                call(warden, ACCOUNT, "CreateUser", "UserName", user);
            }
            call(warden, OTHER, "CreateUser", "UserName", "dave");
            call(warden, ACCOUNT, "CreateLoginProfile", "UserName", "alice", "Password", "Correct-Horse-7");
            aliceKey = key(warden, "alice");
            bobKey = key(warden, "bob");
            backdate(warden, "alice", k -> new AccessKey(k.id(), true, now.minus(Duration.ofDays(400).plusHours(1)),
                    k.sealedSecret(), null));
            backdate(warden, "bob", k -> new AccessKey(k.id(), true, now.minus(Duration.ofDays(100).plusHours(1)),
                    k.sealedSecret(), new AccessKey.LastUsed(now.minus(Duration.ofDays(120).plusHours(1)), "s3",
                    "eu-west-1")));
        }
    }

    @Test
    void printsEveryAccountsReportAsOneCsvWithEachRootUserFirst() {
        CliRun run = warden("credential-report", "--store", store.toString());

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))))
                .containsExactly("<root_account>," + A + "root", "alice," + A + "user/alice", "bob," + A + "user/bob",
                        "carol," + A + "user/carol", "<root_account>,arn:aws:iam::444455556666:root",
                        "dave,arn:aws:iam::444455556666:user/dave");
        assertThat(lines.get(2)).matches("alice,[^,]+,[^,]+,true,no_information,[^,]+,N/A,false,true,[^,]+,"
                + "N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");
        assertThat(lines.get(3)).matches("bob,[^,]+,[^,]+,false,N/A,N/A,N/A,false,true,[^,]+\\+00:00,"
                + "[^,]+\\+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");
    }

    @Test
    void warnsOnStandardErrorAboutOldUnusedAndUnprotectedCredentials() {
        CliRun run = warden("credential-report", "--store", store.toString());

        assertThat(run.errLines()).containsExactly(
                "warning: " + A + "user/alice: access key " + aliceKey + " is 400 days old (more than 365): rotate it",
                "warning: " + A + "user/alice: access key " + aliceKey + " has never been used (created 400 days ago)",
                "warning: " + A + "user/alice: the console password has never been used (set 0 days ago)",
                "warning: " + A + "user/alice: has a console password and no MFA device",
                "warning: " + A + "user/bob: access key " + bobKey + " is 100 days old (more than 90): rotate it",
                "warning: " + A + "user/bob: access key " + bobKey + " was last used 120 days ago");
        assertThat(run.out()).doesNotContain("warning");
    }

    @Test
    void anAccountIdLimitsTheReportToThatAccount() {
        CliRun run = warden("credential-report", "--store", store.toString(), "--account-id", OTHER);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(1)).startsWith("<root_account>,arn:aws:iam::444455556666:root,");
        assertThat(run.outLines().get(2)).startsWith("dave,arn:aws:iam::444455556666:user/dave,");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anUnknownAccountIsAwsNoSuchEntityAndExit254() {
        CliRun run = warden("credential-report", "--store", store.toString(), "--account-id", "999999999999");

        assertThat(run.exitCode()).isEqualTo(254);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("An error occurred (NoSuchEntity) when generating the credential "
                + "report: The account 999999999999 cannot be found.");
    }

    @Test
    void theReportWritesNothingToTheStore() throws Exception {
        Map<Path, String> before = documents();
        warden("credential-report", "--store", store.toString());
        assertThat(documents()).isEqualTo(before);
    }

    /** Every document of the store (not its own {@code .warden} folder), by path. */
    private Map<Path, String> documents() throws java.io.IOException {
        Map<Path, String> out = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.walk(store)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                if (!store.relativize(file).startsWith(".warden")) {
                    out.put(store.relativize(file), java.nio.file.Files.readString(file));
                }
            }
        }
        return out;
    }
}
