package dev.warden.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.mfa.Base32;
import dev.warden.core.auth.mfa.Totp;
import dev.warden.core.iam.AccessKey;
import dev.warden.core.iam.LoginProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each column of the credential report holds what the IAM User Guide says it holds: AWS's names and order,
 * {@code true}/{@code false}, dates with {@code +00:00}, {@code N/A} and {@code no_information} and
 * {@code not_supported} where AWS writes them.
 */
class CredentialReportColumnsTest {

    /** One PBKDF2 hash for every test: hashing costs a third of a second. */
    private static final String HASH = new dev.warden.core.auth.password.PasswordHasher()
            .hash("Correct-Horse-7".toCharArray());
    private static final String CREATED = "2026-01-10T09:30:00+00:00";

    private ReportFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new ReportFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    /** Gives {@code user} a console password set at {@code changed}, as CreateLoginProfile does (without hashing). */
    private void password(String user, Instant changed) throws Exception {
        f.changeUser(user, u -> u.withLoginProfile(new LoginProfile(HASH, changed, changed, false, List.of())));
    }

    @Test
    void theHeaderIsAwsColumnsInAwsOrder() throws Exception {
        assertThat(f.csv().split("\n")[0]).isEqualTo("user,arn,user_creation_time,password_enabled,password_last_used,"
                + "password_last_changed,password_next_rotation,mfa_active,"
                + "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
                + "access_key_1_last_used_region,access_key_1_last_used_service,"
                + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
                + "access_key_2_last_used_region,access_key_2_last_used_service,"
                + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated");
    }

    @Test
    void theRootUsersLineComesFirstWithTheAccountsCreationAndNotSupportedPasswordColumns() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.clock.advance(Duration.ofDays(3));
        assertThat(f.csv().split("\n")[1]).isEqualTo("<root_account>,arn:aws:iam::111122223333:root," + CREATED
                + ",not_supported,no_information,not_supported,not_supported,false,"
                + "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");
    }

    @Test
    void aUserWithNoCredentialsHasFalseAndNotApplicableEverywhere() throws Exception {
        f.clock.advance(Duration.ofSeconds(61));
        f.root("CreateUser", "UserName", "bob", "Path", "/eng/");
        assertThat(f.csv().split("\n")[2]).isEqualTo("bob,arn:aws:iam::111122223333:user/eng/bob,"
                + "2026-01-10T09:31:01+00:00,false,N/A,N/A,N/A,false,"
                + "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");
    }

    @Test
    void usersFollowTheRootUserInNameOrder() throws Exception {
        for (String name : List.of("carol", "Alice", "bob")) {
            f.root("CreateUser", "UserName", name);
        }
        List<String> users = new ArrayList<>();
        for (List<String> row : f.freshRows().subList(1, 5)) {
            users.add(row.get(0));
        }
        assertThat(users).containsExactly("<root_account>", "Alice", "bob", "carol");
    }

    @Test
    void aPasswordNeverUsedIsNoInformation() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        password("alice", Instant.parse("2026-01-11T08:00:00Z"));
        Map<String, String> row = f.row("alice");
        assertThat(row.get("password_enabled")).isEqualTo("true");
        assertThat(row.get("password_last_used")).isEqualTo("no_information");
        assertThat(row.get("password_last_changed")).isEqualTo("2026-01-11T08:00:00+00:00");
        assertThat(row.get("password_next_rotation")).isEqualTo("N/A"); // no password policy
    }

    @Test
    void aPasswordUsedToSignInShowsWhen() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        password("alice", Instant.parse("2026-01-11T08:00:00Z"));
        f.changeUser("alice", u -> u.withPasswordLastUsed(Instant.parse("2026-02-01T17:45:12Z")));
        assertThat(f.row("alice").get("password_last_used")).isEqualTo("2026-02-01T17:45:12+00:00");
    }

    @Test
    void aPasswordSetThroughIamIsEnabledAndChangedAtItsCreation() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.clock.advance(Duration.ofHours(2));
        f.root("CreateLoginProfile", "UserName", "alice", "Password", "Correct-Horse-7");
        Map<String, String> row = f.row("alice");
        assertThat(row.get("password_enabled")).isEqualTo("true");
        assertThat(row.get("password_last_changed")).isEqualTo("2026-01-10T11:30:00+00:00");
    }

    @Test
    void aPolicyWithMaxPasswordAgeGivesTheNextRotation() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateUser", "UserName", "bob");
        password("alice", Instant.parse("2026-01-11T08:00:00Z"));
        f.root("UpdateAccountPasswordPolicy", "MaxPasswordAge", "90");
        assertThat(f.row("alice").get("password_next_rotation")).isEqualTo("2026-04-11T08:00:00+00:00");
        assertThat(f.row("bob").get("password_next_rotation")).isEqualTo("N/A"); // no password to rotate
    }

    @Test
    void aPolicyWithoutMaxPasswordAgeHasNoNextRotation() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        password("alice", Instant.parse("2026-01-11T08:00:00Z"));
        f.root("UpdateAccountPasswordPolicy", "MinimumPasswordLength", "12");
        assertThat(f.row("alice").get("password_next_rotation")).isEqualTo("N/A");
    }

    @Test
    void anEnabledMfaDeviceMakesMfaActive() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateUser", "UserName", "bob");
        ObjectNode device = f.root("CreateVirtualMFADevice", "VirtualMFADeviceName", "alice-phone");
        byte[] seed = Base32.decode(new String(Base64.getDecoder().decode(
                device.at("/VirtualMFADevice/Base32StringSeed").asText()), StandardCharsets.US_ASCII));
        long step = Totp.AWS.step(f.clock.instant());
        f.root("EnableMFADevice", "UserName", "alice", "SerialNumber", "arn:aws:iam::111122223333:mfa/alice-phone",
                "AuthenticationCode1", Totp.AWS.generate(seed, step - 1), "AuthenticationCode2",
                Totp.AWS.generate(seed, step));
        f.root("CreateVirtualMFADevice", "VirtualMFADeviceName", "unassigned");

        assertThat(f.row("alice").get("mfa_active")).isEqualTo("true");
        assertThat(f.row("bob").get("mfa_active")).isEqualTo("false");

        f.root("DeactivateMFADevice", "UserName", "alice", "SerialNumber", "arn:aws:iam::111122223333:mfa/alice-phone");
        assertThat(f.row("alice").get("mfa_active")).isEqualTo("false");
    }

    @Test
    void oneActiveUnusedKeyIsKeyOneRotatedAtItsCreation() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.clock.advance(Duration.ofDays(1));
        f.createKey("alice");
        Map<String, String> row = f.row("alice");
        assertThat(row.get("access_key_1_active")).isEqualTo("true");
        assertThat(row.get("access_key_1_last_rotated")).isEqualTo("2026-01-11T09:30:00+00:00");
        assertThat(row.get("access_key_1_last_used_date")).isEqualTo("N/A");
        assertThat(row.get("access_key_1_last_used_region")).isEqualTo("N/A");
        assertThat(row.get("access_key_1_last_used_service")).isEqualTo("N/A");
        assertThat(row.get("access_key_2_active")).isEqualTo("false");
        assertThat(row.get("access_key_2_last_rotated")).isEqualTo("N/A");
        assertThat(row.get("access_key_2_last_used_date")).isEqualTo("N/A");
    }

    @Test
    void aUsedKeyShowsTheDateRegionAndServiceOfItsLastUse() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        String key = f.createKey("alice");
        f.clock.advance(Duration.ofDays(2).plusSeconds(5));
        f.warden.accessKeyUsage().record(key, "s3", "eu-west-1");
        f.warden.accessKeyUsage().close(); // writes what is pending
        Map<String, String> row = f.row("alice");
        assertThat(row.get("access_key_1_last_used_date")).isEqualTo("2026-01-12T09:30:05+00:00");
        assertThat(row.get("access_key_1_last_used_region")).isEqualTo("eu-west-1");
        assertThat(row.get("access_key_1_last_used_service")).isEqualTo("s3");
    }

    @Test
    void aUseWithoutRegionIsNotApplicable() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        String key = f.createKey("alice");
        f.changeUser("alice", u -> u.withAccessKeys(List.of(lastUsed(u.accessKeys().get(0),
                new AccessKey.LastUsed(Instant.parse("2026-01-10T10:00:00Z"), "iam", null)))));
        Map<String, String> row = f.row("alice");
        assertThat(row.get("access_key_1_last_used_region")).isEqualTo("N/A");
        assertThat(row.get("access_key_1_last_used_service")).isEqualTo("iam");
        assertThat(key).startsWith("AKIA");
    }

    @Test
    void twoKeysAreNumberedOldestFirstAndAnInactiveKeyHasNoLastRotated() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        String older = f.createKey("alice");
        f.clock.advance(Duration.ofDays(30));
        f.createKey("alice");
        AccessKey.LastUsed use = new AccessKey.LastUsed(Instant.parse("2026-01-20T12:00:00Z"), "sts", "us-east-1");
        f.changeUser("alice", u -> u.withAccessKeys(List.of(lastUsed(u.accessKeys().get(0), use),
                u.accessKeys().get(1))));
        f.root("UpdateAccessKey", "UserName", "alice", "AccessKeyId", older, "Status", "Inactive");

        Map<String, String> row = f.row("alice");
        assertThat(row.get("access_key_1_active")).isEqualTo("false");
        assertThat(row.get("access_key_1_last_rotated")).isEqualTo("N/A"); // AWS: N/A without an active key
        assertThat(row.get("access_key_1_last_used_date")).isEqualTo("2026-01-20T12:00:00+00:00");
        assertThat(row.get("access_key_1_last_used_region")).isEqualTo("us-east-1");
        assertThat(row.get("access_key_1_last_used_service")).isEqualTo("sts");
        assertThat(row.get("access_key_2_active")).isEqualTo("true");
        assertThat(row.get("access_key_2_last_rotated")).isEqualTo("2026-02-09T09:30:00+00:00");
        assertThat(row.get("access_key_2_last_used_date")).isEqualTo("N/A");
    }

    @Test
    void aRotatedKeyIsKeyOneOnceTheOldOneIsDeleted() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        String old = f.createKey("alice");
        f.clock.advance(Duration.ofDays(100));
        f.createKey("alice");
        f.root("DeleteAccessKey", "UserName", "alice", "AccessKeyId", old);
        Map<String, String> row = f.row("alice");
        assertThat(row.get("access_key_1_active")).isEqualTo("true");
        assertThat(row.get("access_key_1_last_rotated")).isEqualTo("2026-04-20T09:30:00+00:00");
        assertThat(row.get("access_key_2_active")).isEqualTo("false");
    }

    @Test
    void signingCertificatesAreNeverPresent() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.createKey("alice");
        Map<String, String> row = f.row("alice");
        assertThat(List.of(row.get("cert_1_active"), row.get("cert_1_last_rotated"), row.get("cert_2_active"),
                row.get("cert_2_last_rotated"))).containsExactly("false", "N/A", "false", "N/A");
    }

    @Test
    void aNameWithACommaIsQuotedSoLaterColumnsStayInPlace() throws Exception {
        f.root("CreateUser", "UserName", "smith,john");
        assertThat(f.csv()).contains("\n\"smith,john\",\"arn:aws:iam::111122223333:user/smith,john\"," + CREATED
                + ",false,");
    }

    @Test
    void everyLineHasEveryColumn() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.createKey("alice");
        f.createKey("alice");
        password("alice", Instant.parse("2026-01-11T08:00:00Z"));
        f.root("CreateUser", "UserName", "bob");
        for (List<String> row : f.freshRows()) {
            assertThat(row).hasSize(CredentialReportRow.COLUMNS.size());
        }
    }

    private static AccessKey lastUsed(AccessKey key, AccessKey.LastUsed use) {
        return new AccessKey(key.id(), key.active(), key.createDate(), key.sealedSecret(), use);
    }
}
