package dev.warden.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GenerateCredentialReport and GetCredentialReport as AWS answers them: a report at most every four hours per account,
 * served until it is four hours old, base64 CSV, AWS's errors.
 */
class CredentialReportOperationsTest {

    private ReportFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new ReportFixture();
        f.root("CreateUser", "UserName", "alice");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static void expect(ThrowingCall call, IamError error, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.error().httpStatus()).isEqualTo(status);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void theFirstGenerationStartsAndALaterOneWithinFourHoursFindsItComplete() throws Exception {
        ObjectNode first = f.root("GenerateCredentialReport");
        assertThat(first.get("State").asText()).isEqualTo("STARTED");
        assertThat(first.get("Description").asText())
                .isEqualTo("No report exists. Starting a new report generation task");

        f.clock.advance(Duration.ofHours(4));
        ObjectNode second = f.root("GenerateCredentialReport");
        assertThat(second.get("State").asText()).isEqualTo("COMPLETE");
        assertThat(second.has("Description")).isFalse();
    }

    @Test
    void aReportOlderThanFourHoursIsReplacedByTheNextGeneration() throws Exception {
        f.root("GenerateCredentialReport");
        f.clock.advance(Duration.ofHours(4).plusSeconds(1));
        assertThat(f.root("GenerateCredentialReport").get("State").asText()).isEqualTo("STARTED");
        assertThat(f.root("GetCredentialReport").get("GeneratedTime").asText()).isEqualTo("2026-01-10T13:30:01Z");
    }

    @Test
    void withinFourHoursTheExistingReportStandsAndLaterChangesWaitForTheNext() throws Exception {
        f.root("GenerateCredentialReport");
        f.root("CreateUser", "UserName", "bob");
        f.clock.advance(Duration.ofHours(1));
        f.root("GenerateCredentialReport");
        assertThat(f.csv()).contains("\nalice,").doesNotContain("\nbob,");

        f.clock.advance(Duration.ofHours(3).plusSeconds(1));
        assertThat(f.csv()).contains("\nbob,");
    }

    @Test
    void getAnswersTheCsvInBase64WithItsFormatAndGenerationTime() throws Exception {
        f.clock.advance(Duration.ofMillis(2_500));
        f.root("GenerateCredentialReport");
        f.clock.advance(Duration.ofMinutes(10));
        ObjectNode report = f.root("GetCredentialReport");

        assertThat(report.fieldNames()).toIterable().containsExactly("Content", "ReportFormat", "GeneratedTime");
        assertThat(report.get("ReportFormat").asText()).isEqualTo("text/csv");
        assertThat(report.get("GeneratedTime").asText()).isEqualTo("2026-01-10T09:30:02Z");
        String csv = new String(java.util.Base64.getDecoder().decode(report.get("Content").asText()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("user,arn,user_creation_time,");
        assertThat(csv.split("\n")).hasSize(3); // header, root, alice
    }

    @Test
    void getWithoutAReportIsReportNotPresent() {
        expect(() -> f.root("GetCredentialReport"), IamError.REPORT_NOT_PRESENT, 410,
                "The request was rejected because the credential report does not exist. To generate a credential "
                        + "report, use GenerateCredentialReport.");
    }

    @Test
    void aReportIsServedForFourHoursThenIsReportExpired() throws Exception {
        f.root("GenerateCredentialReport");
        f.clock.advance(Duration.ofHours(4));
        assertThat(f.root("GetCredentialReport").has("Content")).isTrue();

        f.clock.advance(Duration.ofSeconds(1));
        expect(() -> f.root("GetCredentialReport"), IamError.REPORT_EXPIRED, 410,
                "The request was rejected because the most recent credential report has expired. To generate a new "
                        + "credential report, use GenerateCredentialReport.");
    }

    @Test
    void reportsAreKeptPerAccount() throws Exception {
        f.warden.iam().createAccount("444455556666", null);
        f.root("GenerateCredentialReport");
        Principal otherRoot = Principal.of("arn:aws:iam::444455556666:root");
        expect(() -> f.as(otherRoot, "GetCredentialReport"), IamError.REPORT_NOT_PRESENT, 410,
                "The request was rejected because the credential report does not exist. To generate a credential "
                        + "report, use GenerateCredentialReport.");
        assertThat(f.as(otherRoot, "GenerateCredentialReport").get("State").asText()).isEqualTo("STARTED");
        String content = f.as(otherRoot, "GetCredentialReport").get("Content").asText();
        assertThat(new String(java.util.Base64.getDecoder().decode(content), java.nio.charset.StandardCharsets.UTF_8))
                .contains("arn:aws:iam::444455556666:root").doesNotContain("alice");
    }

    @Test
    void generatingWritesNothingToTheStore() throws Exception {
        Map<String, String> before = f.store.readAll();
        long version = f.warden.directory().current().version();
        f.root("GenerateCredentialReport");
        f.root("GetCredentialReport");
        assertThat(f.store.readAll()).isEqualTo(before);
        assertThat(f.warden.directory().current().version()).isEqualTo(version);
    }

    @Test
    void aCallerAllowedOnlyToReadTheReportCannotGenerateOne() throws Exception {
        f.root("PutUserPolicy", "UserName", "alice", "PolicyName", "read-report", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"iam:GetCredentialReport\",\"Resource\":\"*\"}]}");
        Principal alice = Principal.of("arn:aws:iam::111122223333:user/alice");
        expect(() -> f.as(alice, "GenerateCredentialReport"), IamError.ACCESS_DENIED, 403,
                "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:GenerateCredentialReport "
                        + "because no identity-based policy allows the iam:GenerateCredentialReport action");
        f.root("GenerateCredentialReport");
        assertThat(f.as(alice, "GetCredentialReport").get("ReportFormat").asText()).isEqualTo("text/csv");
    }
}
