package dev.warden.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.AccessKey;
import dev.warden.core.report.CredentialFindings.Finding;
import dev.warden.core.report.CredentialFindings.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hygiene warnings read out of a credential report, each at its threshold. */
class CredentialFindingsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String ROOT = "arn:aws:iam::111122223333:root";

    private static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    private static CredentialReportRow.Key key(String id, boolean active, Instant created, Instant lastUsed) {
        return new CredentialReportRow.Key(id, active, created,
                lastUsed == null ? null : new AccessKey.LastUsed(lastUsed, "s3", "eu-west-1"));
    }

    private static CredentialReportRow user(CredentialReportRow.Password password, boolean mfa,
                                            CredentialReportRow.Key... keys) {
        return new CredentialReportRow("alice", ALICE, ago(Duration.ofDays(800)), false, password, mfa, List.of(keys));
    }

    private static List<Finding> findings(CredentialReportRow... rows) {
        return CredentialFindings.of(new CredentialReport("111122223333", NOW, List.of(rows)), NOW);
    }

    private static List<Kind> kinds(CredentialReportRow... rows) {
        return findings(rows).stream().map(Finding::kind).toList();
    }

    @Test
    void aRecentlyUsedYoungKeyAndAnMfaProtectedUsedPasswordAreFine() {
        CredentialReportRow.Password used = new CredentialReportRow.Password(ago(Duration.ofDays(10)),
                ago(Duration.ofDays(1)), null);
        assertThat(findings(user(used, true, key("AKIAFRESH", true, ago(Duration.ofDays(30)),
                ago(Duration.ofHours(1)))))).isEmpty();
    }

    @Test
    void anActiveKeyMoreThan90DaysOldShouldBeRotated() {
        assertThat(kinds(user(null, false, key("AKIAEXACTLY90", true, ago(Duration.ofDays(90)), NOW)))).isEmpty();
        List<Finding> found = findings(user(null, false,
                key("AKIAOLD", true, ago(Duration.ofDays(90).plusSeconds(1)), NOW)));
        assertThat(found).containsExactly(new Finding(Kind.ACCESS_KEY_OLDER_THAN_90_DAYS, ALICE,
                "access key AKIAOLD is 90 days old (more than 90): rotate it"));
    }

    @Test
    void anActiveKeyMoreThan365DaysOldIsReportedOnceAsTheWorse() {
        List<Finding> found = findings(user(null, false, key("AKIAANCIENT", true, ago(Duration.ofDays(400)), NOW)));
        assertThat(found).containsExactly(new Finding(Kind.ACCESS_KEY_OLDER_THAN_365_DAYS, ALICE,
                "access key AKIAANCIENT is 400 days old (more than 365): rotate it"));
    }

    @Test
    void aKeyNeverUsedIsReportedWithItsAge() {
        assertThat(findings(user(null, false, key("AKIANEVER", true, ago(Duration.ofDays(3)), null))))
                .containsExactly(new Finding(Kind.ACCESS_KEY_NEVER_USED, ALICE,
                        "access key AKIANEVER has never been used (created 3 days ago)"));
    }

    @Test
    void aKeyUnusedForMoreThan90DaysIsReported() {
        assertThat(kinds(user(null, false, key("AKIAIDLE", true, ago(Duration.ofDays(60)), ago(Duration.ofDays(89))))))
                .isEmpty();
        assertThat(findings(user(null, false,
                key("AKIAIDLE", true, ago(Duration.ofDays(80)), ago(Duration.ofDays(91))))))
                .containsExactly(new Finding(Kind.ACCESS_KEY_UNUSED_90_DAYS, ALICE,
                        "access key AKIAIDLE was last used 91 days ago"));
    }

    @Test
    void inactiveKeysAreNotLookedAt() {
        assertThat(findings(user(null, false, key("AKIAOFF", false, ago(Duration.ofDays(900)), null)))).isEmpty();
    }

    @Test
    void bothKeysOfAUserAreLookedAt() {
        assertThat(kinds(user(null, false, key("AKIAONE", true, ago(Duration.ofDays(100)), NOW),
                key("AKIATWO", true, ago(Duration.ofDays(1)), null))))
                .containsExactly(Kind.ACCESS_KEY_OLDER_THAN_90_DAYS, Kind.ACCESS_KEY_NEVER_USED);
    }

    @Test
    void aPasswordNeverUsedIsReported() {
        assertThat(findings(user(new CredentialReportRow.Password(ago(Duration.ofDays(5)), null, null), true)))
                .containsExactly(new Finding(Kind.PASSWORD_NEVER_USED, ALICE,
                        "the console password has never been used (set 5 days ago)"));
    }

    @Test
    void aPasswordUnusedForMoreThan90DaysIsReported() {
        assertThat(kinds(user(new CredentialReportRow.Password(ago(Duration.ofDays(200)), ago(Duration.ofDays(90)),
                null), true))).isEmpty();
        assertThat(findings(user(new CredentialReportRow.Password(ago(Duration.ofDays(200)), ago(Duration.ofDays(120)),
                null), true))).containsExactly(new Finding(Kind.PASSWORD_UNUSED_90_DAYS, ALICE,
                "the console password was last used 120 days ago"));
    }

    @Test
    void aConsolePasswordWithoutMfaIsReported() {
        assertThat(findings(user(new CredentialReportRow.Password(ago(Duration.ofDays(5)), NOW, null), false)))
                .containsExactly(new Finding(Kind.PASSWORD_WITHOUT_MFA, ALICE,
                        "has a console password and no MFA device"));
    }

    @Test
    void noPasswordMeansNoPasswordOrMfaFindings() {
        assertThat(findings(user(null, false))).isEmpty();
    }

    @Test
    void theRootUserWithAnActiveAccessKeyIsReported() {
        CredentialReportRow root = new CredentialReportRow(CredentialReportRow.ROOT_USER, ROOT,
                ago(Duration.ofDays(10)), true, null, false,
                List.of(key("AKIAROOT", true, ago(Duration.ofDays(1)), NOW)));
        assertThat(findings(root)).containsExactly(new Finding(Kind.ROOT_ACCESS_KEY, ROOT,
                "the root user has active access key AKIAROOT; the root user should have no access keys"),
                new Finding(Kind.ROOT_WITHOUT_MFA, ROOT, "the root user has an active access key and no MFA device: "
                        + "enable one"));
    }

    @Test
    void theGeneratedRootLineHasNothingToReport() {
        CredentialReportRow root = new CredentialReportRow(CredentialReportRow.ROOT_USER, ROOT,
                ago(Duration.ofDays(10)), true, null, false, List.of());
        assertThat(findings(root)).isEmpty();
    }
}
