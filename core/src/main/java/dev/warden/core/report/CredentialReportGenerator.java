package dev.warden.core.report;

import dev.warden.core.auth.password.PasswordExpiry;
import dev.warden.core.auth.password.PasswordPolicy;
import dev.warden.core.iam.AccessKey;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.MfaDevice;
import dev.warden.core.iam.RootUser;
import dev.warden.core.iam.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads one account of a directory snapshot into its credential report. */
public final class CredentialReportGenerator {

    private static final Comparator<User> BY_NAME = Comparator
            .comparing((User u) -> u.name().toLowerCase(Locale.ROOT)).thenComparing(User::name);
    private static final Comparator<AccessKey> OLDEST_FIRST = Comparator.comparing(AccessKey::createDate);

    private CredentialReportGenerator() {
    }

    /**
     * The report of account {@code accountId} in {@code directory} as of {@code now}.
     *
     * @throws IllegalArgumentException when the directory has no such account
     */
    public static CredentialReport generate(Directory directory, String accountId, Instant now) {
        Account account = directory.account(accountId);
        if (account == null) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        String partition = directory.partition();
        PasswordPolicy policy = account.settings().passwordPolicy();
        // expiresAt does not read the clock; the fixed clock only satisfies the constructor
        PasswordExpiry expiry = new PasswordExpiry(Clock.fixed(now, ZoneOffset.UTC));
        Set<String> withMfa = new HashSet<>();
        for (MfaDevice device : account.settings().mfaDevices()) {
            if (device.userName() != null) {
                withMfa.add(device.userName());
            }
        }
        List<CredentialReportRow> rows = new ArrayList<>(account.users().size() + 1);
        RootUser root = account.root();
        // the account's password policy is for IAM users: the root password never has to rotate
        CredentialReportRow.Password rootPassword = root.loginProfile() == null ? null
                : new CredentialReportRow.Password(root.loginProfile().passwordLastChanged(), root.passwordLastUsed(),
                        null);
        rows.add(new CredentialReportRow(CredentialReportRow.ROOT_USER, account.rootArn(partition),
                account.createDate(), true, rootPassword, withMfa.contains(MfaDevice.ROOT_USER),
                keys(root.accessKeys())));
        List<User> users = new ArrayList<>(account.users().values());
        users.sort(BY_NAME);
        for (User user : users) {
            CredentialReportRow.Password password = null;
            if (user.loginProfile() != null) {
                Instant changed = user.loginProfile().passwordLastChanged();
                password = new CredentialReportRow.Password(changed, user.passwordLastUsed(),
                        expiry.expiresAt(policy, changed).orElse(null));
            }
            rows.add(new CredentialReportRow(user.name(), user.arn(partition, account.id()), user.createDate(), false,
                    password, withMfa.contains(user.name()), keys(user.accessKeys())));
        }
        return new CredentialReport(account.id(), now.truncatedTo(ChronoUnit.SECONDS), rows);
    }

    /** The report's key columns: oldest first. */
    private static List<CredentialReportRow.Key> keys(List<AccessKey> accessKeys) {
        List<AccessKey> keys = new ArrayList<>(accessKeys);
        keys.sort(OLDEST_FIRST); // stable: keys created in the same second keep their order
        List<CredentialReportRow.Key> reported = new ArrayList<>(keys.size());
        for (AccessKey key : keys) {
            reported.add(new CredentialReportRow.Key(key.id(), key.active(), key.createDate(), key.lastUsed()));
        }
        return reported;
    }
}
