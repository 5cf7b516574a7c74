package dev.warden.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The credential hygiene warnings an auditor reads out of a credential report (the checks of AWS's security best
 * practices and the CIS AWS Foundations Benchmark): active access keys older than 90 or 365 days, never used or
 * unused for 90 days or more; console passwords never used or unused for 90 days or more; console passwords without
 * MFA; access keys of the root user, and a root user with a credential but no MFA device. Inactive keys cannot
 * sign anything, so only active keys are looked at.
 */
public final class CredentialFindings {

    /** Age or idleness past which a credential is flagged. */
    public static final Duration STALE = Duration.ofDays(90);
    /** Age past which an access key is flagged as long overdue for rotation. */
    public static final Duration VERY_OLD = Duration.ofDays(365);

    /** What is wrong with one credential. */
    public enum Kind {
        ROOT_ACCESS_KEY,
        ACCESS_KEY_OLDER_THAN_365_DAYS,
        ACCESS_KEY_OLDER_THAN_90_DAYS,
        ACCESS_KEY_NEVER_USED,
        ACCESS_KEY_UNUSED_90_DAYS,
        PASSWORD_NEVER_USED,
        PASSWORD_UNUSED_90_DAYS,
        PASSWORD_WITHOUT_MFA,
        /** The root user can sign in (a password) or sign requests (an active key) and has no MFA device. */
        ROOT_WITHOUT_MFA
    }

    /**
     * One warning.
     *
     * @param kind what it is about
     * @param arn the user (or root user) it concerns
     * @param message what is wrong, for a person: names the key, gives ages in days
     */
    public record Finding(Kind kind, String arn, String message) {
        public Finding {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(arn, "arn");
            Objects.requireNonNull(message, "message");
        }
    }

    private CredentialFindings() {
    }

    /** The warnings about {@code report} as of {@code now}, in the report's order of users. */
    public static List<Finding> of(CredentialReport report, Instant now) {
        List<Finding> out = new ArrayList<>();
        for (CredentialReportRow row : report.rows()) {
            keys(row, now, out);
            password(row, now, out);
            rootMfa(row, out);
        }
        return out;
    }

    /** AWS's first recommendation for the root user: MFA, whenever it has a credential at all. */
    private static void rootMfa(CredentialReportRow row, List<Finding> out) {
        boolean usable = row.password() != null || row.accessKeys().stream().anyMatch(CredentialReportRow.Key::active);
        if (row.root() && usable && !row.mfaActive()) {
            out.add(new Finding(Kind.ROOT_WITHOUT_MFA, row.arn(), "the root user has "
                    + (row.password() != null ? "a console password" : "an active access key")
                    + " and no MFA device: enable one"));
        }
    }

    private static void keys(CredentialReportRow row, Instant now, List<Finding> out) {
        for (CredentialReportRow.Key key : row.accessKeys()) {
            if (!key.active()) {
                continue;
            }
            String name = "access key " + key.id();
            if (row.root()) {
                out.add(new Finding(Kind.ROOT_ACCESS_KEY, row.arn(), "the root user has active " + name
                        + "; the root user should have no access keys"));
            }
            long age = days(key.created(), now);
            if (olderThan(key.created(), now, VERY_OLD)) {
                out.add(new Finding(Kind.ACCESS_KEY_OLDER_THAN_365_DAYS, row.arn(), name + " is " + age
                        + " days old (more than 365): rotate it"));
            } else if (olderThan(key.created(), now, STALE)) {
                out.add(new Finding(Kind.ACCESS_KEY_OLDER_THAN_90_DAYS, row.arn(), name + " is " + age
                        + " days old (more than 90): rotate it"));
            }
            if (key.lastUsed() == null) {
                out.add(new Finding(Kind.ACCESS_KEY_NEVER_USED, row.arn(), name + " has never been used (created "
                        + age + " days ago)"));
            } else {
                if (olderThan(key.lastUsed().date(), now, STALE)) {
                    out.add(new Finding(Kind.ACCESS_KEY_UNUSED_90_DAYS, row.arn(), name + " was last used "
                            + days(key.lastUsed().date(), now) + " days ago"));
                }
            }
        }
    }

    private static void password(CredentialReportRow row, Instant now, List<Finding> out) {
        CredentialReportRow.Password password = row.password();
        if (password == null) {
            return;
        }
        if (password.lastUsed() == null) {
            out.add(new Finding(Kind.PASSWORD_NEVER_USED, row.arn(), "the console password has never been used (set "
                    + days(password.lastChanged(), now) + " days ago)"));
        } else {
            if (olderThan(password.lastUsed(), now, STALE)) {
                out.add(new Finding(Kind.PASSWORD_UNUSED_90_DAYS, row.arn(), "the console password was last used "
                        + days(password.lastUsed(), now) + " days ago"));
            }
        }
        if (!row.mfaActive() && !row.root()) {
            out.add(new Finding(Kind.PASSWORD_WITHOUT_MFA, row.arn(), "has a console password and no MFA device"));
        }
    }

    /** Whether more than {@code limit} passed from {@code when} to {@code now}. */
    private static boolean olderThan(Instant when, Instant now, Duration limit) {
        return Duration.between(when, now).compareTo(limit) > 0;
    }

    /** Whole days from {@code from} to {@code to} (0 for a future {@code from}). */
    private static long days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }
}
