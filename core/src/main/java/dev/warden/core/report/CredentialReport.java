package dev.warden.core.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An account's credential report as generated at one time: the root user's line first, then every IAM user by name.
 *
 * @param accountId the account it describes
 * @param generated when it was generated, to the second
 * @param rows its lines, without the header
 */
public record CredentialReport(String accountId, Instant generated, List<CredentialReportRow> rows) {

    /** The report's MIME type, GetCredentialReport's {@code ReportFormat}. */
    public static final String FORMAT = "text/csv";

    public CredentialReport {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(generated, "generated");
        rows = List.copyOf(rows);
    }

    /** The CSV as AWS writes it: the header, then one line per row, {@code \n}-separated, no final newline. */
    public String csv() {
        return csv(List.of(this));
    }

    /**
     * Several accounts' reports as one CSV: one header, then each report's lines in turn (each starting with its root
     * user's line; the {@code arn} column tells the accounts apart).
     */
    public static String csv(List<CredentialReport> reports) {
        StringBuilder out = new StringBuilder(128 * (reports.stream().mapToInt(r -> r.rows().size()).sum() + 1));
        header(out);
        for (CredentialReport report : reports) {
            for (CredentialReportRow row : report.rows()) {
                out.append('\n');
                line(out, row);
            }
        }
        return out.toString();
    }

    /** {@link #csv()} in UTF-8: GetCredentialReport's {@code Content}, before base64. */
    public byte[] content() {
        return csv().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the header line (no newline). */
    private static void header(StringBuilder out) {
        out.append(String.join(",", CredentialReportRow.COLUMNS));
    }

    /** Appends {@code row} as one CSV line (no newline). */
    private static void line(StringBuilder out, CredentialReportRow row) {
        List<String> values = row.values();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            field(out, values.get(i));
        }
    }

    /**
     * RFC 4180 quoting for the values that need it: IAM names and paths may hold commas ({@code [\w+=,.@-]}), which
     * would otherwise shift every later column.
     */
    private static void field(StringBuilder out, String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            out.append(value);
            return;
        }
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
