package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static dev.warden.core.admin.IamFixture.expect;
import static dev.warden.core.admin.UserOperationsTest.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.IamError;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attach/Detach/ListAttached managed policies on users, groups and roles; Put/Delete permissions boundaries on users
 * and roles: AWS's answers, and the decisions that follow.
 */
class AttachmentOperationsTest {

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

    @ParameterizedTest
    @ValueSource(strings = {"User", "Group", "Role"})
    void attachListAndDetachManagedPolicies(String noun) throws Exception {
        f.createHolder(noun, "holder");
        String name = noun + "Name";
        String local = f.root("CreatePolicy", "PolicyName", "Reads", "Path", "/data/", "PolicyDocument", READ_OBJECTS)
                .at("/Policy/Arn").asText();
        assertThat(f.root("Attach" + noun + "Policy", name, "holder", "PolicyArn", local).isEmpty()).isTrue();
        f.root("Attach" + noun + "Policy", name, "holder", "PolicyArn", S3_READ);
        long version = f.warden.directory().current().version();
        f.root("Attach" + noun + "Policy", name, "holder", "PolicyArn", S3_READ);
        assertThat(f.warden.directory().current().version()).as("attaching twice changes nothing").isEqualTo(version);

        ObjectNode listed = f.root("ListAttached" + noun + "Policies", name, "holder");
        assertThat(keys(listed)).containsExactly("AttachedPolicies", "IsTruncated");
        assertThat(keys(listed.at("/AttachedPolicies/0"))).containsExactly("PolicyName", "PolicyArn");
        assertThat(listed.findValuesAsText("PolicyName")).containsExactly("Reads", "AmazonS3ReadOnlyAccess");
        assertThat(listed.findValuesAsText("PolicyArn")).containsExactly(local, S3_READ);
        assertThat(f.root("ListAttached" + noun + "Policies", name, "holder", "PathPrefix", "/data/")
                .findValuesAsText("PolicyArn")).containsExactly(local);

        assertThat(f.root("Detach" + noun + "Policy", name, "holder", "PolicyArn", local).isEmpty()).isTrue();
        assertThat(f.root("ListAttached" + noun + "Policies", name, "holder").findValuesAsText("PolicyArn"))
                .containsExactly(S3_READ);
        expect(f.rootFails("Detach" + noun + "Policy", name, "holder", "PolicyArn", local), IamError.NO_SUCH_ENTITY,
                "Policy " + local + " was not found.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"User", "Group", "Role"})
    void attachingAPolicyThatDoesNotExistIsNoSuchEntity(String noun) throws Exception {
        f.createHolder(noun, "holder");
        String missing = "arn:aws:iam::111122223333:policy/Missing";
        expect(f.rootFails("Attach" + noun + "Policy", noun + "Name", "holder", "PolicyArn", missing),
                IamError.NO_SUCH_ENTITY, "Policy " + missing + " does not exist or is not attachable.");
        String wrongPath = "arn:aws:iam::aws:policy/elsewhere/AdministratorAccess";
        expect(f.rootFails("Attach" + noun + "Policy", noun + "Name", "holder", "PolicyArn", wrongPath),
                IamError.NO_SUCH_ENTITY, "Policy " + wrongPath + " does not exist or is not attachable.");
    }

    @Test
    void anAttachedPolicyGrantsAndDetachingRevokes() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateGroup", "GroupName", "readers");
        f.root("AddUserToGroup", "GroupName", "readers", "UserName", "alice");
        AuthorizationRequest read = AuthorizationRequest.builder(Principal.of("arn:aws:iam::111122223333:user/alice"),
                "s3:GetObject", "arn:aws:s3:::b/k").build();
        f.root("AttachGroupPolicy", "GroupName", "readers", "PolicyArn", S3_READ);
        assertThat(f.warden.authorize(read).isAllowed()).isTrue();
        f.root("DetachGroupPolicy", "GroupName", "readers", "PolicyArn", S3_READ);
        assertThat(f.warden.authorize(read).isAllowed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"User", "Role"})
    void putAndDeletePermissionsBoundary(String noun) throws Exception {
        f.createHolder(noun, "holder");
        String name = noun + "Name";
        String boundary = f.createPolicy("Boundary", READ_OBJECTS);
        assertThat(f.root("Put" + noun + "PermissionsBoundary", name, "holder", "PermissionsBoundary", boundary).isEmpty())
                .isTrue();
        JsonNode got = f.root("Get" + noun, name, "holder").get(noun);
        assertThat(got.at("/PermissionsBoundary/PermissionsBoundaryType").asText()).isEqualTo("Policy");
        assertThat(got.at("/PermissionsBoundary/PermissionsBoundaryArn").asText()).isEqualTo(boundary);

        assertThat(f.root("Delete" + noun + "PermissionsBoundary", name, "holder").isEmpty()).isTrue();
        assertThat(f.root("Get" + noun, name, "holder").get(noun).has("PermissionsBoundary")).isFalse();
        long version = f.warden.directory().current().version();
        assertThat(f.root("Delete" + noun + "PermissionsBoundary", name, "holder").isEmpty()).isTrue();
        assertThat(f.warden.directory().current().version()).isEqualTo(version);

        String missing = "arn:aws:iam::111122223333:policy/Missing";
        expect(f.rootFails("Put" + noun + "PermissionsBoundary", name, "holder", "PermissionsBoundary", missing),
                IamError.NO_SUCH_ENTITY, "Policy " + missing + " does not exist or is not attachable.");
    }

    @Test
    void aBoundaryCapsWhatTheIdentityPoliciesAllow() throws Exception {
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
        f.root("AttachRolePolicy", "RoleName", "app", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess");
        Principal app = Principal.of("arn:aws:iam::111122223333:role/app");
        AuthorizationRequest read = AuthorizationRequest.builder(app, "s3:GetObject", "arn:aws:s3:::b/k").build();
        AuthorizationRequest delete = AuthorizationRequest.builder(app, "s3:DeleteObject", "arn:aws:s3:::b/k").build();
        assertThat(f.warden.authorize(delete).isAllowed()).isTrue();

        f.root("PutRolePermissionsBoundary", "RoleName", "app", "PermissionsBoundary", S3_READ);
        assertThat(f.warden.authorize(read).isAllowed()).isTrue();
        assertThat(f.warden.authorize(delete).isAllowed()).isFalse();
    }
}
