package dev.warden.core.iam;

import dev.warden.spi.Principal;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store documents of one directory snapshot that cannot be read and hold no last good state (a fresh load, or
 * an entity that was absent before), and which principals they touch: every principal they might grant or deny
 * something is denied every request, since what the unreadable document says is unknown. A user's document: that
 * user and its federated sessions; a group's: its members (the groups of a user are listed in the user's document); a
 * managed policy's: every user, group and role attaching it, or bounded by it; a role's: the role and its sessions;
 * an account's: the whole account; the organization's: the whole store (the accounts it holds are unknown).
 */
final class Quarantine {

    static final Quarantine NONE = new Quarantine(null, Map.of(), Map.of(), Map.of());

    private final StoreDocumentException wholeStore;
    private final Map<String, StoreDocumentException> accounts;
    private final Map<String, StoreDocumentException> entities;
    private final Map<String, StoreDocumentException> documents;

    private Quarantine(StoreDocumentException wholeStore, Map<String, StoreDocumentException> accounts,
                       Map<String, StoreDocumentException> entities, Map<String, StoreDocumentException> documents) {
        this.wholeStore = wholeStore;
        this.accounts = accounts;
        this.entities = entities;
        this.documents = documents;
    }

    /** The quarantine of a snapshot: its {@code rejected} documents whose entity is absent from it. */
    static Quarantine of(Map<String, StoreDocumentException> rejected, Organization organization,
                         Map<String, Account> accounts) {
        if (rejected.isEmpty()) {
            return NONE;
        }
        StoreDocumentException wholeStore = null;
        Map<String, StoreDocumentException> byAccount = new HashMap<>();
        Map<String, StoreDocumentException> byEntity = new HashMap<>();
        Map<String, StoreDocumentException> documents = new LinkedHashMap<>();
        for (Map.Entry<String, StoreDocumentException> e : rejected.entrySet()) {
            DirectoryCodec.Location at = DirectoryCodec.locate(e.getKey());
            if (at == null) {
                continue;
            }
            StoreDocumentException problem = e.getValue();
            if (at.kind() == DirectoryCodec.Location.Kind.ORGANIZATION) {
                if (organization == null) {
                    wholeStore = problem;
                    documents.put(e.getKey(), problem);
                }
                continue;
            }
            Account account = accounts.get(at.accountId());
            if (account == null) {
                // the account's own document first: the others are rejected because it is missing or invalid
                if (at.kind() == DirectoryCodec.Location.Kind.ACCOUNT || !byAccount.containsKey(at.accountId())) {
                    byAccount.put(at.accountId(), problem);
                }
                documents.put(e.getKey(), problem);
            } else if (at.kind() != DirectoryCodec.Location.Kind.ACCOUNT && !exists(account, at)) {
                byEntity.put(entityKey(at.kind(), at.accountId(), at.name()), problem);
                documents.put(e.getKey(), problem);
            }
        }
        if (wholeStore == null && byAccount.isEmpty() && byEntity.isEmpty()) {
            return NONE;
        }
        return new Quarantine(wholeStore, byAccount, byEntity, Collections.unmodifiableMap(documents));
    }

    private static boolean exists(Account account, DirectoryCodec.Location at) {
        return switch (at.kind()) {
            case USER -> account.user(at.name()) != null;
            case GROUP -> account.group(at.name()) != null;
            case ROLE -> account.role(at.name()) != null;
            case POLICY -> account.policy(at.name()) != null;
            default -> true;
        };
    }

    private static String entityKey(DirectoryCodec.Location.Kind kind, String accountId, String name) {
        return kind + "/" + accountId + "/" + Account.key(name);
    }

    /**
     * The problem of the quarantined document of entity {@code name} of {@code kind} in {@code accountId}, or of
     * its account's document, or {@code null}.
     */
    StoreDocumentException entityOrAccount(DirectoryCodec.Location.Kind kind, String accountId, String name) {
        if (accountId == null || name == null) {
            return null;
        }
        StoreDocumentException problem = accounts.get(accountId);
        return problem != null ? problem : entity(kind, accountId, name);
    }

    /** The quarantined documents, by path. */
    Map<String, StoreDocumentException> documents() {
        return documents;
    }

    /**
     * The unreadable document that makes {@code principal} denied in {@code directory}, or {@code null}. Principals
     * the directory does not know otherwise are not reported (they are denied as unknown).
     */
    StoreDocumentException blocking(Directory directory, Principal principal) {
        if (wholeStore != null || this == NONE) {
            return wholeStore;
        }
        String accountId = principal.accountId();
        if (accountId == null) {
            return null;
        }
        StoreDocumentException problem = accounts.get(accountId);
        if (problem != null) {
            return problem;
        }
        Account account = directory.account(accountId);
        if (account == null) {
            return null;
        }
        switch (principal.kind()) {
            case USER -> {
                return user(directory, account, principal.name());
            }
            case FEDERATED_USER -> {
                return principal.sessionIssuer() == null ? null
                        : user(directory, account, Principal.of(principal.sessionIssuer()).name());
            }
            case ROLE, ASSUMED_ROLE -> {
                String name = principal.kind() == Principal.Kind.ROLE ? principal.name() : principal.sessionRoleName();
                problem = entity(DirectoryCodec.Location.Kind.ROLE, accountId, name);
                Role role = account.role(name);
                return problem != null || role == null ? problem
                        : policies(directory, role.attachedPolicies(), role.permissionsBoundary());
            }
            default -> {
                return null;
            }
        }
    }

    private StoreDocumentException user(Directory directory, Account account, String name) {
        StoreDocumentException problem = entity(DirectoryCodec.Location.Kind.USER, account.id(), name);
        User user = account.user(name);
        if (problem != null || user == null) {
            return problem;
        }
        for (String groupName : user.groups()) {
            Group group = account.group(groupName);
            problem = group == null ? entity(DirectoryCodec.Location.Kind.GROUP, account.id(), groupName)
                    : policies(directory, group.attachedPolicies(), null);
            if (problem != null) {
                return problem;
            }
        }
        return policies(directory, user.attachedPolicies(), user.permissionsBoundary());
    }

    private StoreDocumentException policies(Directory directory, List<String> attached, String boundary) {
        for (String arn : attached) {
            StoreDocumentException problem = policy(directory, arn);
            if (problem != null) {
                return problem;
            }
        }
        return boundary == null ? null : policy(directory, boundary);
    }

    /** The problem of the customer managed policy {@code arn} if its document is quarantined. */
    private StoreDocumentException policy(Directory directory, String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[5].startsWith("policy/") || directory.managedPolicy(arn) != null) {
            return null;
        }
        return entity(DirectoryCodec.Location.Kind.POLICY, parts[4], parts[5].substring(parts[5].lastIndexOf('/') + 1));
    }

    private StoreDocumentException entity(DirectoryCodec.Location.Kind kind, String accountId, String name) {
        return entities.get(entityKey(kind, accountId, name));
    }
}
