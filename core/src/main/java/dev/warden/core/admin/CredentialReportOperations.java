package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamException;
import dev.warden.core.report.CredentialReport;
import dev.warden.core.report.CredentialReportGenerator;
import dev.warden.core.report.CredentialReports;
import java.util.Base64;

/**
 * GenerateCredentialReport and GetCredentialReport, account-wide (authorized on {@code *}). A report is generated at
 * most once every four hours per account and served until it is four hours old; see {@link CredentialReports}.
 */
final class CredentialReportOperations {

    /** AWS's description of a report generation that has just begun. */
    static final String STARTED = "No report exists. Starting a new report generation task";

    private CredentialReportOperations() {
    }

    static void register(IamService s) {
        s.register("GenerateCredentialReport", CredentialReportOperations::generate);
        s.register("GetCredentialReport", CredentialReportOperations::get);
    }

    private static ObjectNode generate(Call call) throws IamException {
        call.authorize("iam:GenerateCredentialReport", "*");
        Directory d = call.directory();
        call.account(d);
        CredentialReports.Generation generation = call.service().credentialReports().generate(call.accountId(),
                call.now(), () -> CredentialReportGenerator.generate(d, call.accountId(), call.now()));
        ObjectNode out = Shapes.object();
        out.put("State", generation.state().name());
        if (generation.state() == CredentialReports.State.STARTED) {
            out.put("Description", STARTED); // AWS answers COMPLETE without a description
        }
        return out;
    }

    private static ObjectNode get(Call call) throws IamException {
        call.authorize("iam:GetCredentialReport", "*");
        call.account(call.directory());
        CredentialReport report = call.service().credentialReports().get(call.accountId(), call.now());
        ObjectNode out = Shapes.object();
        out.put("Content", Base64.getEncoder().encodeToString(report.content()));
        out.put("ReportFormat", CredentialReport.FORMAT);
        out.put("GeneratedTime", report.generated().toString());
        return out;
    }
}
