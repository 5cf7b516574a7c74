package dev.warden.core.iam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The entities one operation writes, as store documents (empty: deleted). */
public final class Changes {

    private final Map<String, Optional<String>> documents = new LinkedHashMap<>();

    public Changes put(Account account) {
        documents.put(DirectoryCodec.accountPath(account.id()), Optional.of(DirectoryCodec.encode(account)));
        return this;
    }

    public Changes put(String accountId, User user) {
        documents.put(DirectoryCodec.userPath(accountId, user.name()), Optional.of(DirectoryCodec.encode(user)));
        return this;
    }

    public Changes put(String accountId, Group group) {
        documents.put(DirectoryCodec.groupPath(accountId, group.name()), Optional.of(DirectoryCodec.encode(group)));
        return this;
    }

    public Changes put(String accountId, Role role) {
        documents.put(DirectoryCodec.rolePath(accountId, role.name()), Optional.of(DirectoryCodec.encode(role)));
        return this;
    }

    public Changes put(String accountId, ManagedPolicy policy) {
        documents.put(DirectoryCodec.policyPath(accountId, policy.name()), Optional.of(DirectoryCodec.encode(policy)));
        return this;
    }

    public Changes put(Organization organization) {
        documents.put(DirectoryCodec.ORGANIZATION, Optional.of(DirectoryCodec.encode(organization)));
        return this;
    }

    public Changes deleteUser(String accountId, String name) {
        documents.put(DirectoryCodec.userPath(accountId, name), Optional.empty());
        return this;
    }

    public Changes deleteGroup(String accountId, String name) {
        documents.put(DirectoryCodec.groupPath(accountId, name), Optional.empty());
        return this;
    }

    public Changes deleteRole(String accountId, String name) {
        documents.put(DirectoryCodec.rolePath(accountId, name), Optional.empty());
        return this;
    }

    public Changes deletePolicy(String accountId, String name) {
        documents.put(DirectoryCodec.policyPath(accountId, name), Optional.empty());
        return this;
    }

    Map<String, Optional<String>> documents() {
        return documents;
    }

    boolean isEmpty() {
        return documents.isEmpty();
    }
}
