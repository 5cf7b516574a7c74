package dev.warden.core.iam;

import dev.warden.spi.Principal;
import dev.warden.spi.StoredDocuments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;


/**
 * One immutable, versioned state of the IAM directory: the organization, the accounts and everything in them, and
 * the shipped managed policies. Built from store documents; a change builds a new snapshot and leaves this one
 * untouched, so readers never see half a change. Documents that fail validation or cannot be read are reported in
 * {@link #rejected()} and leave the entity as it last was valid: a bad edit never takes effect. A rejected document
 * with no last good state (a fresh load, or an entity that was absent) is {@linkplain #quarantined() quarantined}:
 * the principals it touches are denied everything ({@link #unreadableDocumentFor}), since what it says is unknown.
 */
public final class Directory {

    /**
     * The user an access key belongs to.
     *
     * @param userName the IAM user's name, or {@code null} for the account's root user
     */
    public record KeyOwner(String accountId, String userName) {

        /** The root user of {@code accountId}. */
        public static KeyOwner root(String accountId) {
            return new KeyOwner(accountId, null);
        }

        /** Whether the key is the root user's. */
        public boolean isRoot() {
            return userName == null;
        }
    }

    /** Batches at least this large decode their documents in parallel (a load; not a single change). */
    private static final int PARALLEL_DECODE = 256;

    private final long version;
    private final long policyVersion;
    private final String partition;
    private final Organization organization;
    private final Map<String, Account> accounts;
    private final Map<String, ManagedPolicy> shipped;
    private final Map<String, KeyOwner> keyOwners;
    private final Map<String, String> documents;
    private final Map<String, StoreDocumentException> rejected;
    private final Quarantine quarantine;

    private Directory(long version, long policyVersion, String partition, Organization organization,
                      Map<String, Account> accounts, Map<String, ManagedPolicy> shipped, Map<String, KeyOwner> keyOwners,
                      Map<String, String> documents, Map<String, StoreDocumentException> rejected,
                      Quarantine quarantine) {
        this.version = version;
        this.policyVersion = policyVersion;
        this.partition = partition;
        this.organization = organization;
        this.accounts = accounts;
        this.shipped = shipped;
        this.keyOwners = keyOwners;
        this.documents = documents;
        this.rejected = rejected;
        this.quarantine = quarantine;
    }

    /** A directory with no accounts. */
    public static Directory empty(String partition, Map<String, ManagedPolicy> shipped) {
        return new Directory(0, 0, partition, null, ShardedMap.empty(), shipped, ShardedMap.empty(),
                ShardedMap.empty(), Map.of(), Quarantine.NONE);
    }

    /** The directory that {@code documents} describe. */
    public static Directory load(Map<String, String> documents, String partition, Map<String, ManagedPolicy> shipped) {
        return load(new StoredDocuments(documents, Map.of()), partition, shipped);
    }

    /** The directory that {@code documents} describe; each unreadable one is rejected (and quarantined). */
    public static Directory load(StoredDocuments documents, String partition, Map<String, ManagedPolicy> shipped) {
        Map<String, Optional<String>> all = new LinkedHashMap<>();
        documents.readable().forEach((path, text) -> all.put(path, Optional.of(text)));
        return empty(partition, shipped).apply(all, documents.unreadable());
    }

    /**
     * This directory with {@code changed} documents applied (empty: deleted), as a new snapshot one version later.
     */
    public Directory apply(Map<String, Optional<String>> changed) {
        return apply(changed, Map.of());
    }

    /**
     * This directory with {@code changed} documents applied (empty: deleted) and the {@code unreadable} ones
     * rejected with their reason (each keeps its last good state, if it has one), as a new snapshot one version later.
     */
    public Directory apply(Map<String, Optional<String>> changed, Map<String, String> unreadable) {
        List<Change> changes = new ArrayList<>(changed.size() + unreadable.size());
        changed.forEach((path, text) -> {
            DirectoryCodec.Location at = DirectoryCodec.locate(path);
            if (at != null) {
                changes.add(new Change(path, at, text.orElse(null), null));
            }
        });
        unreadable.forEach((path, reason) -> {
            DirectoryCodec.Location at = DirectoryCodec.locate(path);
            if (at != null) {
                changes.add(new Change(path, at, null, reason));
            }
        });
        // accounts first, so that entities changed in the same batch find them
        changes.sort(Comparator.comparing(c -> c.at().kind() != DirectoryCodec.Location.Kind.ACCOUNT));
        Builder b = new Builder(this);
        b.applyAll(changes);
        b.applyAll(b.documentsOfAppearedAccounts(changes));
        return b.build();
    }

    /**
     * A changed document: its path, what the path names, and its new text ({@code null}: deleted, or unreadable
     * because of {@code unreadable}).
     */
    private record Change(String path, DirectoryCodec.Location at, String text, String unreadable) {
    }

    /** A changed document decoded: its entity ({@code null} when deleted), or why it is rejected. */
    private record Decoded(Object entity, StoreDocumentException error) {
    }

    private static Decoded decode(Change change) {
        if (change.unreadable() != null) {
            return new Decoded(null, new StoreDocumentException(change.path(), "", change.unreadable()));
        }
        if (change.text() == null) {
            return new Decoded(null, null);
        }
        String path = change.path();
        String text = change.text();
        DirectoryCodec.Location at = change.at();
        try {
            return new Decoded(switch (at.kind()) {
                case ORGANIZATION -> DirectoryCodec.decodeOrganization(path, text);
                case ACCOUNT -> DirectoryCodec.decodeAccount(path, text, at.accountId());
                case USER -> DirectoryCodec.decodeUser(path, text, at.name());
                case GROUP -> DirectoryCodec.decodeGroup(path, text, at.name());
                case ROLE -> DirectoryCodec.decodeRole(path, text, at.name());
                case POLICY -> DirectoryCodec.decodePolicy(path, text, at.name(), UniqueIds.POLICY);
            }, null);
        } catch (StoreDocumentException e) {
            return new Decoded(null, e);
        }
    }

    public long version() {
        return version;
    }

    /**
     * The version at which anything a decision depends on last changed: principals, their groups and policies, roles,
     * managed policies, the organization. Changes to credentials only (access keys and their last use, login
     * profiles, password policies, MFA devices and their last used codes, OIDC providers) leave it as it was, so
     * caches of compiled policies keyed by it survive the writes that every sign-in and key use makes.
     */
    public long policyVersion() {
        return policyVersion;
    }

    /** The ARN partition, {@code aws} by default. */
    public String partition() {
        return partition;
    }

    /** The organization, or {@code null} when there is none. */
    public Organization organization() {
        return organization;
    }

    public Map<String, Account> accounts() {
        return accounts;
    }

    /** The account {@code id}, or {@code null}. */
    public Account account(String id) {
        return accounts.get(id);
    }

    /** The shipped ({@code arn:aws:iam::aws:policy/...}) managed policies by lower-case name. */
    public Map<String, ManagedPolicy> shippedPolicies() {
        return shipped;
    }

    /** The owner of access key {@code keyId}, or {@code null}. */
    public KeyOwner accessKeyOwner(String keyId) {
        return keyOwners.get(keyId);
    }

    /**
     * Documents this snapshot could not accept (invalid, or unreadable), by path, with why: each entity keeps its last
     * good state, or is {@linkplain #quarantined() quarantined} when it has none.
     */
    public Map<String, StoreDocumentException> rejected() {
        return rejected;
    }

    /**
     * The rejected documents that hold no last good state, by path: every principal they touch is denied every
     * request ({@link #unreadableDocumentFor}).
     */
    public Map<String, StoreDocumentException> quarantined() {
        return quarantine.documents();
    }

    /**
     * Why the store document of the user, group, role or customer managed policy {@code name} of {@code accountId}
     * (or of that account itself) cannot be used, when it has no last good state: for errors that would otherwise
     * say only that the entity cannot be found. {@code null} when it is not quarantined.
     *
     * @param type {@code user}, {@code group}, {@code role} or {@code policy}
     */
    public StoreDocumentException unreadableDocumentOf(String accountId, String type, String name) {
        DirectoryCodec.Location.Kind kind = switch (type) {
            case "user" -> DirectoryCodec.Location.Kind.USER;
            case "group" -> DirectoryCodec.Location.Kind.GROUP;
            case "role" -> DirectoryCodec.Location.Kind.ROLE;
            case "policy" -> DirectoryCodec.Location.Kind.POLICY;
            default -> throw new IllegalArgumentException("not an entity type: " + type);
        };
        return quarantine.entityOrAccount(kind, accountId, name);
    }

    /**
     * The quarantined document that denies {@code principal} everything, or {@code null}: its own document, one of
     * its groups', one of the customer managed policies it attaches or is bounded by, its account's, or the
     * organization's (which denies every principal, anonymous and service principals too).
     */
    public StoreDocumentException unreadableDocumentFor(Principal principal) {
        return quarantine.blocking(this, principal);
    }

    /** The stored text of the document at {@code path}, or {@code null}. */
    String document(String path) {
        return documents.get(path);
    }

    /** The paths of every stored document this directory was built from. */
    java.util.Set<String> documentPaths() {
        return documents.keySet();
    }

    /**
     * The managed policy named by {@code arn} ({@code arn:aws:iam::aws:policy/NAME} or
     * {@code arn:aws:iam::ACCOUNT:policy/PATH/NAME}), or {@code null}.
     */
    public ManagedPolicy managedPolicy(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[1].equals(partition) || !parts[2].equals("iam")
                || !parts[5].startsWith("policy/")) {
            return null;
        }
        String resource = parts[5].substring("policy".length());
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        String path = resource.substring(0, resource.lastIndexOf('/') + 1);
        ManagedPolicy policy = parts[4].equals("aws") ? shipped.get(Account.key(name))
                : accounts.containsKey(parts[4]) ? accounts.get(parts[4]).policy(name) : null;
        return policy != null && policy.path().equals(path) && policy.name().equals(name) ? policy : null;
    }

    /** Accumulates changes to one snapshot, sharing with the base every shard of its maps it does not change. */
    private static final class Builder {
        private final Directory base;
        private Organization organization;
        private final ShardedMap.Editor<String, Account> accounts;
        private final ShardedMap.Editor<String, KeyOwner> keyOwners;
        private final ShardedMap.Editor<String, String> documents;
        private final Map<String, StoreDocumentException> rejected;
        private final Map<String, Entities> touched = new HashMap<>();
        private final List<String> appearedAccounts = new ArrayList<>();
        private boolean policiesChanged;

        Builder(Directory base) {
            this.base = base;
            this.organization = base.organization;
            this.accounts = ShardedMap.copyOf(base.accounts).edit();
            this.keyOwners = ShardedMap.copyOf(base.keyOwners).edit();
            this.documents = ShardedMap.copyOf(base.documents).edit();
            this.rejected = new HashMap<>(base.rejected);
        }

        void applyAll(List<Change> changes) {
            // decoding is independent per document and most of a load's time: spread it over the cores
            Stream<Change> stream = changes.size() >= PARALLEL_DECODE ? changes.parallelStream() : changes.stream();
            List<Decoded> decoded = stream.map(Directory::decode).toList();
            for (int i = 0; i < changes.size(); i++) {
                apply(changes.get(i), decoded.get(i));
            }
        }

        /**
         * The rejected documents of accounts that appeared in this batch (an {@code account.json} repaired), not
         * changed in it: they were rejected for want of their account, and are now applied again from their text.
         */
        List<Change> documentsOfAppearedAccounts(List<Change> batch) {
            if (appearedAccounts.isEmpty() || rejected.isEmpty()) {
                return List.of();
            }
            java.util.Set<String> inBatch = new java.util.HashSet<>();
            batch.forEach(c -> inBatch.add(c.path()));
            List<Change> again = new ArrayList<>();
            for (String accountId : appearedAccounts) {
                String prefix = DirectoryCodec.accountPath(accountId);
                prefix = prefix.substring(0, prefix.lastIndexOf('/') + 1);
                for (String path : rejected.keySet()) {
                    String text = documents.get(path);
                    if (path.startsWith(prefix) && !inBatch.contains(path) && text != null) {
                        again.add(new Change(path, DirectoryCodec.locate(path), text, null));
                    }
                }
            }
            return again;
        }

        void apply(Change change, Decoded decoded) {
            String path = change.path();
            DirectoryCodec.Location at = change.at();
            if (change.text() == null) {
                documents.remove(path); // deleted, or unreadable: no text to compare a write against
            } else {
                documents.put(path, change.text());
            }
            try {
                if (decoded.error() != null) {
                    throw decoded.error();
                }
                switch (at.kind()) {
                    case ORGANIZATION -> {
                        organization = (Organization) decoded.entity();
                        policiesChanged = true;
                    }
                    case ACCOUNT -> account(at.accountId(), (Account) decoded.entity());
                    case USER -> {
                        Entities e = entities(at.accountId(), path);
                        User old = e.users.get(Account.key(at.name()));
                        User user = (User) decoded.entity();
                        policiesChanged |= old == null || user == null || !samePermissions(old, user);
                        if (old != null) {
                            old.accessKeys().forEach(k -> keyOwners.remove(k.id()));
                        }
                        put(e.users, at.name(), user);
                        if (user != null) {
                            user.accessKeys().forEach(k -> keyOwners.put(k.id(), new KeyOwner(at.accountId(), user.name())));
                        }
                    }
                    case GROUP -> {
                        put(entities(at.accountId(), path).groups, at.name(), (Group) decoded.entity());
                        policiesChanged = true;
                    }
                    case ROLE -> {
                        put(entities(at.accountId(), path).roles, at.name(), (Role) decoded.entity());
                        policiesChanged = true;
                    }
                    case POLICY -> {
                        put(entities(at.accountId(), path).policies, at.name(), (ManagedPolicy) decoded.entity());
                        policiesChanged = true;
                    }
                    default -> throw new IllegalStateException(at.kind().toString());
                }
                // who is quarantined may change with any rejection, or its end: recompile every principal's policies
                policiesChanged |= rejected.remove(path) != null;
            } catch (StoreDocumentException e) {
                rejected.put(path, e);
                policiesChanged = true;
            }
        }

        /** Whether a user's change leaves what it may do as it was (only its credentials changed). */
        private static boolean samePermissions(User old, User user) {
            return old.name().equals(user.name()) && old.path().equals(user.path()) && old.id().equals(user.id())
                    && old.groups().equals(user.groups()) && old.attachedPolicies().equals(user.attachedPolicies())
                    && old.inlinePolicies().equals(user.inlinePolicies())
                    && java.util.Objects.equals(old.permissionsBoundary(), user.permissionsBoundary())
                    && old.tags().equals(user.tags());
        }

        /** The account's own document ({@code null}: deleted); its entities stay, or change in {@link #build}. */
        private void account(String id, Account decoded) {
            Account old = accounts.get(id);
            // an account appearing or going changes who exists; its settings (passwords, MFA, OIDC) decide nothing
            policiesChanged |= old == null || decoded == null;
            if (old == null && decoded != null) {
                appearedAccounts.add(id);
            }
            if (old != null) {
                old.root().accessKeys().forEach(k -> keyOwners.remove(k.id()));
            }
            if (decoded != null) {
                decoded.root().accessKeys().forEach(k -> keyOwners.put(k.id(), KeyOwner.root(id)));
            }
            if (decoded == null) {
                accounts.remove(id);
                touched.remove(id);
                return;
            }
            accounts.put(id, old == null ? decoded : new Account(id, decoded.alias(), decoded.createDate(),
                    old.users(), old.groups(), old.roles(), old.policies(), decoded.settings()));
        }

        private Entities entities(String accountId, String path) throws StoreDocumentException {
            Entities e = touched.get(accountId);
            if (e == null) {
                Account account = accounts.get(accountId);
                if (account == null) {
                    throw new StoreDocumentException(path, "", "there is no account " + accountId
                            + " (" + DirectoryCodec.accountPath(accountId) + " is missing or invalid)");
                }
                e = new Entities(account);
                touched.put(accountId, e);
            }
            return e;
        }

        private static <T> void put(ShardedMap.Editor<String, T> map, String name, T entity) {
            if (entity == null) {
                map.remove(Account.key(name));
            } else {
                map.put(Account.key(name), entity);
            }
        }

        Directory build() {
            touched.forEach((id, e) -> {
                Account account = accounts.get(id);
                if (account != null) {
                    accounts.put(id, e.into(account));
                }
            });
            long version = base.version + 1;
            Map<String, Account> built = accounts.build();
            return new Directory(version, policiesChanged ? version : base.policyVersion, base.partition, organization,
                    built, base.shipped, keyOwners.build(), documents.build(), Collections.unmodifiableMap(rejected),
                    Quarantine.of(rejected, organization, built));
        }
    }

    /** Editors of one account's entity maps, while a batch of changes is applied. */
    private static final class Entities {
        final ShardedMap.Editor<String, User> users;
        final ShardedMap.Editor<String, Group> groups;
        final ShardedMap.Editor<String, Role> roles;
        final ShardedMap.Editor<String, ManagedPolicy> policies;

        Entities(Account account) {
            users = ShardedMap.copyOf(account.users()).edit();
            groups = ShardedMap.copyOf(account.groups()).edit();
            roles = ShardedMap.copyOf(account.roles()).edit();
            policies = ShardedMap.copyOf(account.policies()).edit();
        }

        Account into(Account account) {
            return new Account(account.id(), account.alias(), account.createDate(), users.build(), groups.build(),
                    roles.build(), policies.build(), account.settings());
        }
    }

    @Override
    public String toString() {
        return "Directory[version " + version + ", " + accounts.size() + " accounts, " + rejected.size() + " rejected]";
    }

}
