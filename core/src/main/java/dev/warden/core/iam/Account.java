package dev.warden.core.iam;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * An AWS account: a tenant. Its entities are keyed by lower-case name, because IAM names are unique without regard
 * to case.
 *
 * @param id the 12-digit account id
 * @param alias the account alias, or {@code null}
 * @param createDate when it was created
 * @param users its users by lower-case name
 * @param groups its groups by lower-case name
 * @param roles its roles by lower-case name
 * @param policies its customer-managed policies by lower-case name
 * @param settings its password policy, virtual MFA devices, identity providers and root user's credentials
 */
public record Account(String id, String alias, Instant createDate, Map<String, User> users, Map<String, Group> groups,
                      Map<String, Role> roles, Map<String, ManagedPolicy> policies, AccountSettings settings) {

    public Account {
        // sharded: a change to one user shares the rest of the account with the previous snapshot
        users = ShardedMap.copyOf(users);
        groups = ShardedMap.copyOf(groups);
        roles = ShardedMap.copyOf(roles);
        policies = ShardedMap.copyOf(policies);
        settings = settings == null ? AccountSettings.NONE : settings;
    }

    /** A new, empty account. */
    public static Account create(String id, String alias, Instant createDate) {
        return new Account(id, alias, createDate, Map.of(), Map.of(), Map.of(), Map.of(), AccountSettings.NONE);
    }

    /** This account with {@code newAlias} ({@code null}: none). */
    public Account withAlias(String newAlias) {
        return new Account(id, newAlias, createDate, users, groups, roles, policies, settings);
    }

    /** This account with {@code newSettings}. */
    public Account withSettings(AccountSettings newSettings) {
        return new Account(id, alias, createDate, users, groups, roles, policies, newSettings);
    }

    public User user(String name) {
        return users.get(key(name));
    }

    public Group group(String name) {
        return groups.get(key(name));
    }

    public Role role(String name) {
        return roles.get(key(name));
    }

    public ManagedPolicy policy(String name) {
        return policies.get(key(name));
    }

    /** The root user's credentials. */
    public RootUser root() {
        return settings.root();
    }

    /** This account with its root user's credentials replaced by {@code newRoot}. */
    public Account withRoot(RootUser newRoot) {
        return withSettings(settings.withRoot(newRoot));
    }

    /** {@code arn:PARTITION:iam::ID:root}. */
    public String rootArn(String partition) {
        return "arn:" + partition + ":iam::" + id + ":root";
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
