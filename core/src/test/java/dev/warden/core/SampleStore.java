package dev.warden.core;

import dev.warden.core.store.FileDirectoryStore;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;

/** A file store with users, a group, a customer managed policy and a role in two accounts, to corrupt in tests. */
final class SampleStore {

    static final String ACCOUNT = "111122223333";
    static final String OTHER = "444455556666";
    static final Principal ROOT = Principal.of("arn:aws:iam::111122223333:root");
    static final Principal ALICE = Principal.of("arn:aws:iam::111122223333:user/alice");
    static final Principal BOB = Principal.of("arn:aws:iam::111122223333:user/bob");
    static final Principal CAROL = Principal.of("arn:aws:iam::111122223333:user/carol");
    static final Principal DEPLOYER = Principal.of("arn:aws:iam::111122223333:role/deployer");
    static final Principal DEPLOYER_SESSION = Principal.of("arn:aws:sts::111122223333:assumed-role/deployer/ci");
    static final Principal DAVE = Principal.of("arn:aws:iam::444455556666:user/dave");
    static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    static final String NO_DELETES = "arn:aws:iam::111122223333:policy/NoDeletes";
    static final String DENY_DELETE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]}";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"sts:AssumeRole\"}]}";

    private SampleStore() {
    }

    /**
     * alice (AdministratorAccess) is in group ops, whose inline policy denies deletes; carol and role deployer
     * (AdministratorAccess) attach the customer managed NoDeletes; bob has AdministratorAccess alone; dave is in
     * another account.
     */
    static void create(Path root) throws Exception {
        try (Warden setup = open(root, new SimpleMeterRegistry())) {
            var iam = setup.iam();
            iam.createAccount(ACCOUNT, null);
            iam.createAccount(OTHER, null);
            iam.call(ROOT, ACCOUNT, "CreatePolicy", Map.of("PolicyName", "NoDeletes", "PolicyDocument", DENY_DELETE));
            iam.call(ROOT, ACCOUNT, "CreateGroup", Map.of("GroupName", "ops"));
            iam.call(ROOT, ACCOUNT, "PutGroupPolicy",
                    Map.of("GroupName", "ops", "PolicyName", "no-deletes", "PolicyDocument", DENY_DELETE));
            for (String user : new String[] {"alice", "bob", "carol"}) {
                iam.call(ROOT, ACCOUNT, "CreateUser", Map.of("UserName", user));
                iam.call(ROOT, ACCOUNT, "AttachUserPolicy", Map.of("UserName", user, "PolicyArn", ADMIN));
            }
            iam.call(ROOT, ACCOUNT, "AddUserToGroup", Map.of("GroupName", "ops", "UserName", "alice"));
            iam.call(ROOT, ACCOUNT, "AttachUserPolicy", Map.of("UserName", "carol", "PolicyArn", NO_DELETES));
            iam.call(ROOT, ACCOUNT, "CreateRole", Map.of("RoleName", "deployer", "AssumeRolePolicyDocument", TRUST));
            iam.call(ROOT, ACCOUNT, "AttachRolePolicy", Map.of("RoleName", "deployer", "PolicyArn", ADMIN));
            iam.call(ROOT, ACCOUNT, "AttachRolePolicy", Map.of("RoleName", "deployer", "PolicyArn", NO_DELETES));
            Principal otherRoot = Principal.of("arn:aws:iam::444455556666:root");
            iam.call(otherRoot, OTHER, "CreateUser", Map.of("UserName", "dave"));
            iam.call(otherRoot, OTHER, "AttachUserPolicy", Map.of("UserName", "dave", "PolicyArn", ADMIN));
        }
    }

    /** A fresh Warden over the store (as a restart, or a command, makes one). */
    static Warden open(Path root, SimpleMeterRegistry meters) throws Exception {
        return Warden.builder().store(FileDirectoryStore.open(root)).meterRegistry(meters).audit(false, 0)
                .serviceLoaderListeners(false).build();
    }
}
