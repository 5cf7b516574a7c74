package dev.warden.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.store.InMemoryDirectoryStore;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.DirectoryStore;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoreConflictException;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A Warden over an in-memory store with one account (111122223333, alias {@code example}) and an IamService, for the
 * admin tests: calls as root or as any principal, failures checked to leave the store and the snapshot untouched,
 * and every authorization request recorded.
 */
final class IamFixture implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";
    static final Principal ROOT = Principal.of("arn:aws:iam::111122223333:root");
    static final String ARN = "arn:aws:iam::111122223333:";

    /** A small identity policy. */
    static final String READ_OBJECTS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
    /** A trust policy letting EC2 assume a role. */
    static final String TRUST_EC2 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    final InMemoryDirectoryStore store = new InMemoryDirectoryStore();
    /** Every commit to the store, in order: one per changing operation. */
    final List<List<DocumentChange>> commits = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Every request Warden decided, in order (IamService authorizes each call through it). */
    final List<AuthorizationRequest> decided = new CopyOnWriteArrayList<>();
    final Warden warden;
    final IamService iam;

    IamFixture() throws Exception {
        this(Quotas.aws());
    }

    IamFixture(Quotas quotas) throws Exception {
        MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
        warden = Warden.builder().store(new RecordingStore(store, commits)).meterRegistry(registry).audit(false, 0)
                .serviceLoaderListeners(false).masterKey(key).quotas(quotas)
                .listener((request, decision, nanos) -> decided.add(request)).build();
        iam = warden.iam();
        iam.createAccount(ACCOUNT, "example");
    }

    /** AWS's quotas with the per-account counts made small. */
    static Quotas smallAccountQuotas(int users, int groups, int roles, int policies) {
        Quotas aws = Quotas.aws();
        return new Quotas(users, groups, roles, policies, aws.attachedPoliciesPerPrincipal(), aws.groupsPerUser(),
                aws.accessKeysPerUser(), aws.versionsPerPolicy(), aws.tagsPerEntity(), aws.userInlineSize(),
                aws.groupInlineSize(), aws.roleInlineSize());
    }

    static Map<String, String> params(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name, value pairs");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    ObjectNode root(String action, String... params) throws Exception {
        return iam.call(ROOT, ACCOUNT, action, params(params));
    }

    ObjectNode as(Principal caller, String action, String... params) throws Exception {
        return iam.call(caller, ACCOUNT, action, params(params));
    }

    IamException rootFails(String action, String... params) throws Exception {
        return fails(ROOT, action, params);
    }

    /**
     * Runs the call, which must fail with an {@link IamException}, and checks that it changed nothing: the store's
     * documents and the directory's version are as they were.
     */
    IamException fails(Principal caller, String action, String... params) throws Exception {
        Map<String, String> before = store.readAll();
        long version = warden.directory().current().version();
        try {
            iam.call(caller, ACCOUNT, action, params(params));
        } catch (IamException e) {
            assertThat(store.readAll()).as("store after failed " + action).isEqualTo(before);
            assertThat(warden.directory().current().version()).as("version after failed " + action).isEqualTo(version);
            return e;
        }
        return fail(action + " " + List.of(params) + " should have failed");
    }

    /** Asserts AWS's code and exact message. */
    static void expect(IamException e, IamError error, String message) {
        assertThat(e.error()).as("error code of: " + e.getMessage()).isEqualTo(error);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    /** Creates user {@code name} at {@code path} with inline policy {@code p} holding {@code policy}. */
    Principal userWithPolicy(String name, String path, String policy) throws Exception {
        root("CreateUser", "UserName", name, "Path", path);
        root("PutUserPolicy", "UserName", name, "PolicyName", "p", "PolicyDocument", policy);
        return Principal.of(ARN + "user" + path + name);
    }

    /** Creates a user, group or role ({@code noun} as in operation names: User, Group, Role) at the root path. */
    void createHolder(String noun, String name) throws Exception {
        switch (noun) {
            case "User" -> root("CreateUser", "UserName", name);
            case "Group" -> root("CreateGroup", "GroupName", name);
            case "Role" -> root("CreateRole", "RoleName", name, "AssumeRolePolicyDocument", TRUST_EC2);
            default -> throw new IllegalArgumentException(noun);
        }
    }

    /** Creates a user with no permissions at all. */
    Principal userWithoutPermissions(String name) throws Exception {
        root("CreateUser", "UserName", name);
        return Principal.of(ARN + "user/" + name);
    }

    /** Creates customer-managed policy {@code name} at the root path; returns its ARN. */
    String createPolicy(String name, String document) throws Exception {
        return root("CreatePolicy", "PolicyName", name, "PolicyDocument", document).at("/Policy/Arn").asText();
    }

    /** An identity policy of exactly {@code size} characters not counting whitespace (AWS's measure). */
    static String identityPolicyOfSize(int size) {
        return padded("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"%s\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}", size);
    }

    /** A trust policy of exactly {@code size} characters not counting whitespace. */
    static String trustPolicyOfSize(int size) {
        return padded("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"%s\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}", size);
    }

    private static String padded(String template, int size) {
        int base = template.length() - 2;
        if (size < base) {
            throw new IllegalArgumentException("smallest such policy has " + base + " characters");
        }
        return String.format(template, "A".repeat(size - base));
    }

    /** Query parameters for {@code count} tags {@code k1=v1, k2=v2, ...}. */
    static String[] tags(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add("Tags.member." + i + ".Key");
            out.add("k" + i);
            out.add("Tags.member." + i + ".Value");
            out.add("v" + i);
        }
        return out.toArray(String[]::new);
    }

    /** {@code first} followed by {@code rest}. */
    static String[] with(String[] first, String... rest) {
        String[] out = new String[first.length + rest.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(rest, 0, out, first.length, rest.length);
        return out;
    }

    @Override
    public void close() throws java.io.IOException {
        warden.close();
    }

    /** A store that records each commit it is given, then hands it on. */
    private record RecordingStore(DirectoryStore delegate, List<List<DocumentChange>> commits) implements DirectoryStore {

        @Override
        public Map<String, String> readAll() throws IOException {
            return delegate.readAll();
        }

        @Override
        public Map<String, Optional<String>> read(Collection<String> paths) throws IOException {
            return delegate.read(paths);
        }

        @Override
        public void commit(List<DocumentChange> changes) throws IOException, StoreConflictException {
            delegate.commit(changes);
            commits.add(List.copyOf(changes));
        }

        @Override
        public void watch(Consumer<Set<String>> listener) {
            delegate.watch(listener);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
