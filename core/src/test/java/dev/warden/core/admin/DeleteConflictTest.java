package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.IamError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DeleteConflict: what must go before a user, group, role, policy or policy version can be deleted. */
class DeleteConflictTest {

    private static final String S3_READ = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void aUserWithInlinePolicies() throws Exception {
        f.userWithPolicy("alice", "/", READ_OBJECTS);
        expect(f.rootFails("DeleteUser", "UserName", "alice"), IamError.DELETE_CONFLICT,
                "Cannot delete entity, must delete policies first.");
    }

    @Test
    void aUserWithAttachedPolicies() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("AttachUserPolicy", "UserName", "alice", "PolicyArn", S3_READ);
        expect(f.rootFails("DeleteUser", "UserName", "alice"), IamError.DELETE_CONFLICT,
                "Cannot delete entity, must detach all policies first.");
    }

    @Test
    void aUserInAGroup() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateGroup", "GroupName", "devs");
        f.root("AddUserToGroup", "GroupName", "devs", "UserName", "alice");
        expect(f.rootFails("DeleteUser", "UserName", "alice"), IamError.DELETE_CONFLICT,
                "Cannot delete entity, must remove users from group first.");
    }

    @Test
    void aUserWithAccessKeys() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateAccessKey", "UserName", "alice");
        expect(f.rootFails("DeleteUser", "UserName", "alice"), IamError.DELETE_CONFLICT,
                "Cannot delete entity, must delete access keys first.");
    }

    /**
     * AWS's DeleteUser lists what must be removed first (password, access keys, certificates, SSH keys, service
     * credentials, MFA devices, inline policies, attached policies, group memberships); a permissions boundary is not
     * among them.
     */
    @Test
    void aPermissionsBoundaryDoesNotHoldAUserBack() throws Exception {
        String boundary = f.createPolicy("Boundary", READ_OBJECTS);
        f.root("CreateUser", "UserName", "alice", "PermissionsBoundary", boundary);
        assertThat(f.root("DeleteUser", "UserName", "alice").isEmpty()).isTrue();
        assertThat(f.root("GetPolicy", "PolicyArn", boundary).at("/Policy/PermissionsBoundaryUsageCount").asInt()).isZero();
        f.root("DeletePolicy", "PolicyArn", boundary);
    }

    @Test
    void aGroupWithMembers() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateGroup", "GroupName", "devs");
        f.root("AddUserToGroup", "GroupName", "devs", "UserName", "alice");
        expect(f.rootFails("DeleteGroup", "GroupName", "devs"), IamError.DELETE_CONFLICT,
                "Cannot delete entity, must remove users from group first.");
    }

    @Test
    void aGroupWithPolicies() throws Exception {
        f.root("CreateGroup", "GroupName", "devs");
        f.root("PutGroupPolicy", "GroupName", "devs", "PolicyName", "p", "PolicyDocument", READ_OBJECTS);
        expect(f.rootFails("DeleteGroup", "GroupName", "devs"), IamError.DELETE_CONFLICT,
                "Cannot delete entity, must delete policies first.");
        f.root("DeleteGroupPolicy", "GroupName", "devs", "PolicyName", "p");
        f.root("AttachGroupPolicy", "GroupName", "devs", "PolicyArn", S3_READ);
        expect(f.rootFails("DeleteGroup", "GroupName", "devs"), IamError.DELETE_CONFLICT,
                "Cannot delete entity, must detach all policies first.");
    }

    @Test
    void aRoleWithPolicies() throws Exception {
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
        f.root("PutRolePolicy", "RoleName", "app", "PolicyName", "p", "PolicyDocument", READ_OBJECTS);
        expect(f.rootFails("DeleteRole", "RoleName", "app"), IamError.DELETE_CONFLICT,
                "Cannot delete entity, must delete policies first.");
        f.root("DeleteRolePolicy", "RoleName", "app", "PolicyName", "p");
        f.root("AttachRolePolicy", "RoleName", "app", "PolicyArn", S3_READ);
        expect(f.rootFails("DeleteRole", "RoleName", "app"), IamError.DELETE_CONFLICT,
                "Cannot delete entity, must detach all policies first.");
    }

    @Test
    void aPolicyAttachedToAnEntity() throws Exception {
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
        f.root("AttachRolePolicy", "RoleName", "app", "PolicyArn", arn);
        expect(f.rootFails("DeletePolicy", "PolicyArn", arn), IamError.DELETE_CONFLICT,
                "Cannot delete a policy attached to entities.");
    }

    @Test
    void aPolicyInUseAsAPermissionsBoundary() throws Exception {
        String arn = f.createPolicy("Boundary", READ_OBJECTS);
        f.root("CreateUser", "UserName", "alice", "PermissionsBoundary", arn);
        expect(f.rootFails("DeletePolicy", "PolicyArn", arn), IamError.DELETE_CONFLICT,
                "Cannot delete a policy attached to entities.");
    }

    @Test
    void aPolicyWithSeveralVersions() throws Exception {
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        f.root("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", READ_OBJECTS);
        expect(f.rootFails("DeletePolicy", "PolicyArn", arn), IamError.DELETE_CONFLICT, "This policy has more than one "
                + "version. Before you delete a policy, you must delete the policy's versions. The default version is "
                + "deleted with the policy.");
    }

    @Test
    void theDefaultVersionOfAPolicy() throws Exception {
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        f.root("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", READ_OBJECTS);
        expect(f.rootFails("DeletePolicyVersion", "PolicyArn", arn, "VersionId", "v1"), IamError.DELETE_CONFLICT,
                "Cannot delete the default version of a policy.");
    }
}
