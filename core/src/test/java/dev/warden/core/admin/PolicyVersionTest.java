package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.ACCOUNT;
import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes that change credentials only (keys and their last use, login profiles, password policies, MFA devices) leave
 * the directory's policy version, and so every cached compiled policy set, as they were; any change to what a principal
 * may do moves it.
 */
class PolicyVersionTest {

    private static final String OBJECT = "arn:aws:s3:::b/k";
    private final IamFixture f;
    private final Principal alice;

    PolicyVersionTest() throws Exception {
        f = new IamFixture();
        alice = f.userWithPolicy("alice", "/", READ_OBJECTS);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private long policyVersion() {
        return f.warden.directory().current().policyVersion();
    }

    private double misses() {
        return f.registry.get("cache.gets").tag("cache", "warden.policysets").tag("result", "miss")
                .functionCounter().count();
    }

    private boolean allowed(String action) {
        return f.warden.authorize(AuthorizationRequest.builder(alice, action, OBJECT).build()).isAllowed();
    }

    @Test
    void credentialChangesKeepThePolicyVersionAndTheCachedPolicies() throws Exception {
        assertThat(allowed("s3:GetObject")).isTrue();
        double missesBefore = misses();
        long before = policyVersion();
        long versionBefore = f.warden.directory().current().version();

        String key = f.root("CreateAccessKey", "UserName", "alice").at("/AccessKey/AccessKeyId").asText();
        f.root("UpdateAccessKey", "UserName", "alice", "AccessKeyId", key, "Status", "Inactive");
        f.root("UpdateAccountPasswordPolicy", "MinimumPasswordLength", "10");
        f.root("CreateLoginProfile", "UserName", "alice", "Password", "Correct-Horse-77");
        f.root("CreateVirtualMFADevice", "VirtualMFADeviceName", "alice");
        f.warden.accessKeyUsage().record(key, "iam", "us-east-1");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (f.warden.directory().current().account(ACCOUNT).user("alice").accessKeys().get(0).lastUsed() == null) {
            assertThat(System.nanoTime()).as("the key's use was written").isLessThan(deadline);
            Thread.sleep(10);
        }

        assertThat(f.warden.directory().current().version()).isGreaterThan(versionBefore);
        assertThat(policyVersion()).isEqualTo(before);
        assertThat(allowed("s3:GetObject")).isTrue();
        assertThat(misses()).as("the cached policy set was used").isEqualTo(missesBefore);
    }

    @Test
    void permissionChangesMoveThePolicyVersionAndAreSeenAtOnce() throws Exception {
        assertThat(allowed("s3:PutObject")).isFalse();
        long before = policyVersion();

        f.root("PutUserPolicy", "UserName", "alice", "PolicyName", "put", "PolicyDocument",
                READ_OBJECTS.replace("s3:GetObject", "s3:PutObject"));
        assertThat(policyVersion()).isGreaterThan(before);
        assertThat(allowed("s3:PutObject")).isTrue();

        long afterPut = policyVersion();
        f.root("CreateGroup", "GroupName", "readers");
        f.root("AddUserToGroup", "GroupName", "readers", "UserName", "alice");
        assertThat(policyVersion()).isGreaterThan(afterPut);
        long afterGroup = policyVersion();
        f.root("TagUser", "UserName", "alice", "Tags.member.1.Key", "team", "Tags.member.1.Value", "blue");
        assertThat(policyVersion()).as("tags feed aws:PrincipalTag").isGreaterThan(afterGroup);
        f.root("DeleteUserPolicy", "UserName", "alice", "PolicyName", "put");
        assertThat(allowed("s3:PutObject")).isFalse();
        assertThat(f.warden.directory().current().account(ACCOUNT).user("alice")).isNotNull();
    }
}
