package dev.warden.core.report;

import static dev.warden.core.report.ReportFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.MfaDevice;
import dev.warden.core.report.CredentialFindings.Finding;
import dev.warden.core.report.CredentialFindings.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The credential report's {@code <root_account>} line shows the root user's credentials as AWS does (its password's
 * last use, its MFA, its access keys; the password's own columns {@code not_supported}), and the findings warn about
 * root access keys and a root user without MFA.
 */
class RootCredentialReportTest {

    private static final String ROOT = "<root_account>";
    private static final String ROOT_ARN = "arn:aws:iam::111122223333:root";
    private final ReportFixture f;

    RootCredentialReportTest() throws Exception {
        f = new ReportFixture();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    /** Enables a device for the root user, as EnableMFADevice by the root user leaves the account. */
    private void rootMfaDevice() throws Exception {
        f.warden.directory().update(d -> {
            Account account = d.account(ACCOUNT);
            MfaDevice device = new MfaDevice("arn:aws:iam::111122223333:mfa/root-phone", f.clock.instant(), "sealed",
                    MfaDevice.ROOT_USER, f.clock.instant(), 0);
            return new LiveDirectory.Result<>(null,
                    new Changes().put(account.withSettings(account.settings().withMfaDevices(List.of(device)))));
        });
    }

    private List<Finding> findings() {
        return CredentialFindings.of(CredentialReportGenerator.generate(f.warden.directory().current(), ACCOUNT,
                f.clock.instant()), f.clock.instant());
    }

    @Test
    void the_root_line_shows_the_root_users_password_use_mfa_and_keys() throws Exception {
        f.warden.iam().setRootPassword(ACCOUNT, "Root-Password-1".toCharArray());
        f.clock.advance(Duration.ofDays(1));
        f.warden.loginAsRoot(ACCOUNT, "Root-Password-1".toCharArray(), null);
        f.clock.advance(Duration.ofDays(1));
        f.root("CreateAccessKey");
        rootMfaDevice();

        Map<String, String> row = f.row(ROOT);

        assertThat(row).containsEntry("arn", ROOT_ARN)
                .containsEntry("password_enabled", "not_supported")
                .containsEntry("password_last_used", "2026-01-11T09:30:00+00:00")
                .containsEntry("password_last_changed", "not_supported")
                .containsEntry("password_next_rotation", "not_supported")
                .containsEntry("mfa_active", "true")
                .containsEntry("access_key_1_active", "true")
                .containsEntry("access_key_1_last_rotated", "2026-01-12T09:30:00+00:00")
                .containsEntry("access_key_1_last_used_date", "N/A")
                .containsEntry("access_key_2_active", "false");
        assertThat(f.csv()).contains("\n" + ROOT + "," + ROOT_ARN + ",2026-01-10T09:30:00+00:00,not_supported,"
                + "2026-01-11T09:30:00+00:00,not_supported,not_supported,true,true,2026-01-12T09:30:00+00:00,");
    }

    @Test
    void a_root_password_never_used_is_no_information() throws Exception {
        f.warden.iam().setRootPassword(ACCOUNT, "Root-Password-1".toCharArray());

        assertThat(f.row(ROOT)).containsEntry("password_last_used", "no_information");
    }

    @Test
    void root_access_keys_and_a_root_user_without_mfa_are_warned_about() throws Exception {
        String key = f.root("CreateAccessKey").at("/AccessKey/AccessKeyId").asText();

        assertThat(findings()).filteredOn(finding -> finding.arn().equals(ROOT_ARN))
                .extracting(Finding::kind)
                .containsExactly(Kind.ROOT_ACCESS_KEY, Kind.ACCESS_KEY_NEVER_USED, Kind.ROOT_WITHOUT_MFA);
        assertThat(findings()).first().isEqualTo(new Finding(Kind.ROOT_ACCESS_KEY, ROOT_ARN, "the root user has active "
                + "access key " + key + "; the root user should have no access keys"));
        rootMfaDevice();
        assertThat(findings()).extracting(Finding::kind).doesNotContain(Kind.ROOT_WITHOUT_MFA)
                .contains(Kind.ROOT_ACCESS_KEY);
    }

    @Test
    void a_root_password_without_mfa_is_warned_about_as_the_root_users() throws Exception {
        f.warden.iam().setRootPassword(ACCOUNT, "Root-Password-1".toCharArray());

        assertThat(findings()).extracting(Finding::kind)
                .containsExactly(Kind.PASSWORD_NEVER_USED, Kind.ROOT_WITHOUT_MFA);
        assertThat(findings().get(1).message()).isEqualTo("the root user has a console password and no MFA device: "
                + "enable one");
    }
}
