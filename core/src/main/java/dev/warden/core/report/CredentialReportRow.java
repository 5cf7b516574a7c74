package dev.warden.core.report;

import dev.warden.core.iam.AccessKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of the credential report: the facts about one IAM user (or the account's root user), and their rendering
 * in AWS's columns with AWS's values, as the IAM User Guide ("Getting credential reports for your AWS account")
 * documents them:
 *
 * <ul>
 *   <li>booleans are {@code true}/{@code false}; dates are ISO 8601 to the second with a {@code +00:00} offset, as
 *       AWS writes them ({@code 2026-11-23T12:00:00+00:00});</li>
 *   <li>{@code password_enabled}, {@code password_last_changed} and {@code password_next_rotation} are
 *       {@code not_supported} for the root user;</li>
 *   <li>{@code password_last_used} is {@code N/A} without a password, {@code no_information} for a password never
 *       used (and for a root user without password);</li>
 *   <li>{@code password_next_rotation} is {@code N/A} without a password or when the account's password policy sets no
 *       {@code MaxPasswordAge};</li>
 *   <li>{@code access_key_N_last_rotated} is {@code N/A} unless key N is active ("If the user does not have an active
 *       access key, the value in this field is N/A"); its last-used date, service and region are {@code N/A} when the
 *       key does not exist or has never been used;</li>
 *   <li>Warden has no X.509 signing certificates: {@code cert_N_active} is {@code false}, {@code cert_N_last_rotated}
 *       {@code N/A}.</li>
 * </ul>
 *
 * <p>Keys are numbered in the order they were created (key 1 the older).
 *
 * @param user the user name, or {@code <root_account>}
 * @param arn the user's ARN, or the account's {@code arn:aws:iam::ACCOUNT:root}
 * @param created when the user (for the root user: the account) was created
 * @param root whether this is the root user's line
 * @param password the console password, or {@code null} when there is none
 * @param mfaActive whether an MFA device is enabled for the user
 * @param accessKeys the user's access keys, oldest first (at most 2)
 */
public record CredentialReportRow(String user, String arn, Instant created, boolean root, Password password,
                                  boolean mfaActive, List<Key> accessKeys) {

    /** AWS's name for the root user's line. */
    public static final String ROOT_USER = "<root_account>";

    /** AWS's columns, in AWS's order. */
    public static final List<String> COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled",
            "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service", "access_key_2_active",
            "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
            "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active",
            "cert_2_last_rotated");

    static final String NOT_APPLICABLE = "N/A";
    static final String NOT_SUPPORTED = "not_supported";
    static final String NO_INFORMATION = "no_information";

    private static final DateTimeFormatter AWS_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    /**
     * A console password.
     *
     * @param lastChanged when it was last set
     * @param lastUsed when it was last used to sign in, or {@code null} if never
     * @param nextRotation when the password policy requires a new one, or {@code null} if it never does
     */
    public record Password(Instant lastChanged, Instant lastUsed, Instant nextRotation) {
        public Password {
            Objects.requireNonNull(lastChanged, "lastChanged");
        }
    }

    /**
     * An access key.
     *
     * @param id its id (not in the CSV; findings name it)
     * @param active whether its status is Active
     * @param created when it was created
     * @param lastUsed its last recorded use, or {@code null} if none
     */
    public record Key(String id, boolean active, Instant created, AccessKey.LastUsed lastUsed) {
        public Key {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(created, "created");
        }
    }

    public CredentialReportRow {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(created, "created");
        accessKeys = List.copyOf(accessKeys);
        if (accessKeys.size() > 2) {
            throw new IllegalArgumentException("the report has columns for two access keys, got " + accessKeys.size());
        }
    }

    /** The values of {@link #COLUMNS}, in order. */
    public List<String> values() {
        List<String> v = new ArrayList<>(COLUMNS.size());
        v.add(user);
        v.add(arn);
        v.add(date(created));
        if (root) {
            v.add(NOT_SUPPORTED);
            v.add(password == null || password.lastUsed() == null ? NO_INFORMATION : date(password.lastUsed()));
            v.add(NOT_SUPPORTED);
            v.add(NOT_SUPPORTED);
        } else if (password == null) {
            v.add("false");
            v.add(NOT_APPLICABLE);
            v.add(NOT_APPLICABLE);
            v.add(NOT_APPLICABLE);
        } else {
            v.add("true");
            v.add(password.lastUsed() == null ? NO_INFORMATION : date(password.lastUsed()));
            v.add(date(password.lastChanged()));
            v.add(password.nextRotation() == null ? NOT_APPLICABLE : date(password.nextRotation()));
        }
        v.add(Boolean.toString(mfaActive));
        for (int n = 0; n < 2; n++) {
            keyColumns(v, n < accessKeys.size() ? accessKeys.get(n) : null);
        }
        for (int n = 0; n < 2; n++) {
            v.add("false");
            v.add(NOT_APPLICABLE);
        }
        return v;
    }

    private static void keyColumns(List<String> v, Key key) {
        if (key == null) {
            v.add("false");
            v.add(NOT_APPLICABLE);
            v.add(NOT_APPLICABLE);
            v.add(NOT_APPLICABLE);
            v.add(NOT_APPLICABLE);
            return;
        }
        v.add(Boolean.toString(key.active()));
        v.add(key.active() ? date(key.created()) : NOT_APPLICABLE);
        AccessKey.LastUsed used = key.lastUsed();
        v.add(used == null ? NOT_APPLICABLE : date(used.date()));
        v.add(used == null ? NOT_APPLICABLE : orNotApplicable(used.region()));
        v.add(used == null ? NOT_APPLICABLE : orNotApplicable(used.serviceName()));
    }

    private static String orNotApplicable(String value) {
        return value == null || value.isEmpty() ? NOT_APPLICABLE : value;
    }

    /** {@code 2026-11-23T12:00:00+00:00}: AWS's spelling of dates in the report. */
    static String date(Instant instant) {
        return AWS_DATE.format(instant);
    }
}
