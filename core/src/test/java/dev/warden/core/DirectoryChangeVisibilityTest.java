package dev.warden.core;

import static dev.warden.core.WardenFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.AuthorizationRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change made through IamService is in force for the very next decision: compiled policy sets are cached per
 * principal and directory version, never across a change.
 */
class DirectoryChangeVisibilityTest {

    private static final String WRITE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}]}";

    private WardenFixture f;
    private final AuthorizationRequest read = request(WardenFixture.ALICE, "s3:GetObject", "arn:aws:s3:::b/k");
    private final AuthorizationRequest write = request(WardenFixture.ALICE, "s3:PutObject", "arn:aws:s3:::b/k");

    @BeforeEach
    void setUp() throws Exception {
        f = new WardenFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void grantingAndRevokingTakeEffectAtOnce() throws Exception {
        assertThat(f.warden.authorize(read).isAllowed()).isFalse();
        f.root("PutUserPolicy", Map.of("UserName", "alice", "PolicyName", "p", "PolicyDocument", WardenFixture.READ_OBJECTS));
        assertThat(f.warden.authorize(read).isAllowed()).isTrue();
        assertThat(f.warden.authorize(read).isAllowed()).as("and again from the cache").isTrue();
        f.root("DeleteUserPolicy", Map.of("UserName", "alice", "PolicyName", "p"));
        assertThat(f.warden.authorize(read).isAllowed()).isFalse();
    }

    @Test
    void aChangeToAnAttachedPolicysDefaultVersionReachesEveryoneItIsAttachedTo() throws Exception {
        f.root("CreatePolicy", Map.of("PolicyName", "Objects", "PolicyDocument", WardenFixture.READ_OBJECTS));
        String arn = "arn:aws:iam::111122223333:policy/Objects";
        f.root("CreateGroup", Map.of("GroupName", "devs"));
        f.root("AttachGroupPolicy", Map.of("GroupName", "devs", "PolicyArn", arn));
        f.root("AddUserToGroup", Map.of("GroupName", "devs", "UserName", "alice"));
        assertThat(f.warden.authorize(read).isAllowed()).isTrue();
        assertThat(f.warden.authorize(write).isAllowed()).isFalse();

        f.root("CreatePolicyVersion", Map.of("PolicyArn", arn, "PolicyDocument", WRITE, "SetAsDefault", "true"));
        assertThat(f.warden.authorize(read).isAllowed()).isFalse();
        assertThat(f.warden.authorize(write).isAllowed()).isTrue();

        f.root("RemoveUserFromGroup", Map.of("GroupName", "devs", "UserName", "alice"));
        assertThat(f.warden.authorize(write).isAllowed()).isFalse();
    }

    @Test
    void aNewBoundaryCapsAtOnce() throws Exception {
        f.root("AttachUserPolicy", Map.of("UserName", "alice", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
        assertThat(f.warden.authorize(write).isAllowed()).isTrue();
        f.root("PutUserPermissionsBoundary", Map.of("UserName", "alice", "PermissionsBoundary",
                "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        assertThat(f.warden.authorize(write).isAllowed()).isFalse();
        assertThat(f.warden.authorize(read).isAllowed()).isTrue();
    }

    @Test
    void aTrustPolicyDecidesWhoMayAssumeTheRole() throws Exception {
        f.root("CreateRole", Map.of("RoleName", "app", "AssumeRolePolicyDocument", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/alice\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}"));
        f.root("PutUserPolicy", Map.of("UserName", "alice", "PolicyName", "assume", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Resource\":\"*\"}]}"));
        AuthorizationRequest assume = request(WardenFixture.ALICE, "sts:AssumeRole", "arn:aws:iam::111122223333:role/app");
        assertThat(f.warden.authorize(assume).isAllowed()).isTrue();
        f.root("UpdateAssumeRolePolicy", Map.of("RoleName", "app", "PolicyDocument", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}"));
        assertThat(f.warden.authorize(assume).isAllowed()).as("the trust policy no longer names alice").isFalse();
        assertThat(f.warden.explain(assume, null).decision().isAllowed()).isFalse();
    }
}
