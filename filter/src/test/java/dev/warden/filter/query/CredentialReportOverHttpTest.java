package dev.warden.filter.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * The AWS SDK for Java v2 IAM client over real HTTP: a signed request records its key's last use (service and region
 * of the signature), and the credential report is generated, fetched and decoded as AWS serves it.
 */
class CredentialReportOverHttpTest {

    private QueryEndpointServer server;
    private IamClient admin;

    @BeforeEach
    void start() throws Exception {
        server = new QueryEndpointServer();
        admin = server.iam(server.admin);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aSignedRequestRecordsItsKeysLastUseWithTheSigningServiceAndRegion() throws Exception {
        admin.listUsers();
        AccessKeyLastUsed used = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) { // written in the background
            used = admin.getAccessKeyLastUsed(r -> r.accessKeyId(server.admin.accessKeyId())).accessKeyLastUsed();
            if (used.lastUsedDate() != null) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(used.lastUsedDate()).isNotNull();
        assertThat(used.serviceName()).isEqualTo("iam");
        // the region of the signature's scope, as signed: the SDK's global IAM client with an endpoint override
        // signs for aws-global (against AWS's own endpoint it would sign for us-east-1)
        assertThat(used.region()).isEqualTo("aws-global");
    }

    @Test
    void theReportIsGeneratedThenFetchedAsBase64Csv() {
        assertThatThrownBy(admin::getCredentialReport).isInstanceOfSatisfying(CredentialReportNotPresentException.class,
                e -> {
                    assertThat(e.statusCode()).isEqualTo(410);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReportNotPresent");
                });

        var started = admin.generateCredentialReport();
        assertThat(started.state()).isEqualTo(ReportStateType.STARTED);
        assertThat(started.description()).isEqualTo("No report exists. Starting a new report generation task");
        assertThat(admin.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);

        GetCredentialReportResponse report = admin.getCredentialReport();
        assertThat(report.reportFormatAsString()).isEqualTo("text/csv");
        assertThat(report.generatedTime()).isNotNull();
        String csv = report.content().asString(StandardCharsets.UTF_8); // the SDK decodes the base64
        assertThat(csv.lines().toList()).hasSize(3);
        assertThat(csv).startsWith("user,arn,user_creation_time,password_enabled,")
                .contains("\n<root_account>,arn:aws:iam::111122223333:root,")
                .contains("\nadmin,arn:aws:iam::111122223333:user/admin,");
    }
}
