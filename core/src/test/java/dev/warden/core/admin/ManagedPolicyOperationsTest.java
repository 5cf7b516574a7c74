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

/**
 * CreatePolicy, GetPolicy, DeletePolicy, ListPolicies, CreatePolicyVersion, GetPolicyVersion, DeletePolicyVersion,
 * ListPolicyVersions, SetDefaultPolicyVersion, ListEntitiesForPolicy, TagPolicy, UntagPolicy, ListPolicyTags: AWS's
 * answers.
 */
class ManagedPolicyOperationsTest {

    private static final String WRITE_OBJECTS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}]}";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

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
    void createPolicyAnswersWithThePolicyInAwsShape() throws Exception {
        ObjectNode out = f.root("CreatePolicy", "PolicyName", "Reads", "Path", "/pol/", "PolicyDocument", READ_OBJECTS,
                "Description", "reads objects", "Tags.member.1.Key", "owner", "Tags.member.1.Value", "data");
        assertThat(keys(out)).containsExactly("Policy");
        JsonNode p = out.get("Policy");
        assertThat(keys(p)).containsExactlyInAnyOrder("PolicyName", "PolicyId", "Arn", "Path", "DefaultVersionId",
                "AttachmentCount", "PermissionsBoundaryUsageCount", "IsAttachable", "Description", "CreateDate",
                "UpdateDate", "Tags");
        assertThat(p.get("PolicyName").asText()).isEqualTo("Reads");
        assertThat(p.get("PolicyId").asText()).matches("ANPA[A-Z2-7]{16}");
        assertThat(p.get("Arn").asText()).isEqualTo("arn:aws:iam::111122223333:policy/pol/Reads");
        assertThat(p.get("Path").asText()).isEqualTo("/pol/");
        assertThat(p.get("DefaultVersionId").asText()).isEqualTo("v1");
        assertThat(p.get("AttachmentCount").asInt()).isZero();
        assertThat(p.get("PermissionsBoundaryUsageCount").asInt()).isZero();
        assertThat(p.get("IsAttachable").asBoolean()).isTrue();
        assertThat(p.get("Description").asText()).isEqualTo("reads objects");
        assertThat(p.get("CreateDate").asText()).isEqualTo(p.get("UpdateDate").asText());
        assertThat(p.at("/Tags/0/Key").asText()).isEqualTo("owner");
    }

    @Test
    void getPolicyCountsAttachmentsAndBoundaryUses() throws Exception {
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
        f.root("CreateUser", "UserName", "bob", "PermissionsBoundary", arn);
        f.root("AttachUserPolicy", "UserName", "alice", "PolicyArn", arn);
        f.root("AttachRolePolicy", "RoleName", "app", "PolicyArn", arn);

        ObjectNode out = f.root("GetPolicy", "PolicyArn", arn);
        assertThat(keys(out)).containsExactly("Policy");
        assertThat(out.at("/Policy/AttachmentCount").asInt()).isEqualTo(2);
        assertThat(out.at("/Policy/PermissionsBoundaryUsageCount").asInt()).isEqualTo(1);
    }

    @Test
    void getPolicyAnswersForTheShippedAwsManagedPolicies() throws Exception {
        JsonNode p = f.root("GetPolicy", "PolicyArn", ADMIN).get("Policy");
        assertThat(p.get("Arn").asText()).isEqualTo(ADMIN);
        assertThat(p.get("PolicyName").asText()).isEqualTo("AdministratorAccess");
        assertThat(p.get("PolicyId").asText()).matches("ANPA[A-Z2-7]{16}");
        assertThat(p.get("Description").asText()).isEqualTo("Provides full access to AWS services and resources.");
        assertThat(p.get("CreateDate").asText()).isEqualTo("2015-02-06T18:39:46Z");
    }

    @Test
    void listPoliciesByScopePathAndAttachmentWithoutDescriptionOrTags() throws Exception {
        String reads = f.root("CreatePolicy", "PolicyName", "Reads", "Path", "/data/", "PolicyDocument", READ_OBJECTS,
                "Description", "d", "Tags.member.1.Key", "k", "Tags.member.1.Value", "v").at("/Policy/Arn").asText();
        f.createPolicy("Writes", WRITE_OBJECTS);
        f.root("CreateUser", "UserName", "alice");
        f.root("AttachUserPolicy", "UserName", "alice", "PolicyArn", reads);
        f.root("AttachUserPolicy", "UserName", "alice", "PolicyArn", ADMIN);

        ObjectNode all = f.root("ListPolicies");
        assertThat(keys(all)).containsExactly("Policies", "IsTruncated");
        assertThat(all.findValuesAsText("PolicyName")).containsExactly("AdministratorAccess", "AmazonS3FullAccess",
                "AmazonS3ReadOnlyAccess", "IAMFullAccess", "IAMReadOnlyAccess", "IAMUserChangePassword",
                "PowerUserAccess", "Reads", "Writes");
        for (JsonNode p : all.get("Policies")) {
            assertThat(keys(p)).containsExactly("PolicyName", "PolicyId", "Arn", "Path", "DefaultVersionId",
                    "AttachmentCount", "PermissionsBoundaryUsageCount", "IsAttachable", "CreateDate", "UpdateDate");
        }
        assertThat(f.root("ListPolicies", "Scope", "Local").findValuesAsText("PolicyName")).containsExactly("Reads", "Writes");
        assertThat(f.root("ListPolicies", "Scope", "AWS").get("Policies")).hasSize(7);
        assertThat(f.root("ListPolicies", "OnlyAttached", "true").findValuesAsText("PolicyName"))
                .containsExactly("AdministratorAccess", "Reads");
        assertThat(f.root("ListPolicies", "PathPrefix", "/data/").findValuesAsText("Arn")).containsExactly(reads);
        expect(f.rootFails("ListPolicies", "Scope", "Mine"), IamError.VALIDATION_ERROR, "1 validation error detected: "
                + "Value 'Mine' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]");
    }

    @Test
    void createPolicyVersionAnswersWithTheVersionWithoutItsDocument() throws Exception {
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        ObjectNode out = f.root("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", WRITE_OBJECTS);
        assertThat(keys(out)).containsExactly("PolicyVersion");
        assertThat(keys(out.get("PolicyVersion"))).containsExactly("VersionId", "IsDefaultVersion", "CreateDate");
        assertThat(out.at("/PolicyVersion/VersionId").asText()).isEqualTo("v2");
        assertThat(out.at("/PolicyVersion/IsDefaultVersion").asBoolean()).isFalse();
        assertThat(f.root("GetPolicy", "PolicyArn", arn).at("/Policy/DefaultVersionId").asText()).isEqualTo("v1");

        out = f.root("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", WRITE_OBJECTS, "SetAsDefault", "true");
        assertThat(out.at("/PolicyVersion/VersionId").asText()).isEqualTo("v3");
        assertThat(out.at("/PolicyVersion/IsDefaultVersion").asBoolean()).isTrue();
        assertThat(f.root("GetPolicy", "PolicyArn", arn).at("/Policy/DefaultVersionId").asText()).isEqualTo("v3");
    }

    @Test
    void getPolicyVersionReturnsTheDocumentVerbatim() throws Exception {
        String odd = "{\"Version\":\"2012-10-17\",\n   \"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::caf\u00e9/*\"}}";
        String arn = f.createPolicy("Reads", odd);
        ObjectNode out = f.root("GetPolicyVersion", "PolicyArn", arn, "VersionId", "v1");
        assertThat(keys(out)).containsExactly("PolicyVersion");
        assertThat(keys(out.get("PolicyVersion"))).containsExactly("Document", "VersionId", "IsDefaultVersion", "CreateDate");
        assertThat(out.at("/PolicyVersion/Document").asText()).isEqualTo(odd);
        assertThat(out.at("/PolicyVersion/IsDefaultVersion").asBoolean()).isTrue();
        assertThat(f.root("GetPolicyVersion", "PolicyArn", ADMIN, "VersionId", "v1").at("/PolicyVersion/Document").asText())
                .contains("\"Action\" : \"*\"");
    }

    @Test
    void listPolicyVersionsListsEveryVersionWithoutDocuments() throws Exception {
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        f.root("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", WRITE_OBJECTS, "SetAsDefault", "true");
        ObjectNode out = f.root("ListPolicyVersions", "PolicyArn", arn);
        assertThat(keys(out)).containsExactly("Versions", "IsTruncated");
        assertThat(out.findValuesAsText("VersionId")).containsExactlyInAnyOrder("v1", "v2");
        for (JsonNode v : out.get("Versions")) {
            assertThat(keys(v)).containsExactly("VersionId", "IsDefaultVersion", "CreateDate");
            assertThat(v.get("IsDefaultVersion").asBoolean()).isEqualTo(v.get("VersionId").asText().equals("v2"));
        }
    }

    @Test
    void setDefaultPolicyVersionChangesWhatThePolicyAllows() throws Exception {
        String arn = f.createPolicy("Objects", READ_OBJECTS);
        f.root("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", WRITE_OBJECTS);
        f.root("CreateUser", "UserName", "alice");
        f.root("AttachUserPolicy", "UserName", "alice", "PolicyArn", arn);
        Principal alice = Principal.of("arn:aws:iam::111122223333:user/alice");
        AuthorizationRequest put = AuthorizationRequest.builder(alice, "s3:PutObject", "arn:aws:s3:::b/k").build();
        assertThat(f.warden.authorize(put).isAllowed()).isFalse();

        assertThat(f.root("SetDefaultPolicyVersion", "PolicyArn", arn, "VersionId", "v2").isEmpty()).isTrue();
        assertThat(f.root("GetPolicy", "PolicyArn", arn).at("/Policy/DefaultVersionId").asText()).isEqualTo("v2");
        assertThat(f.warden.authorize(put).isAllowed()).isTrue();
        expect(f.rootFails("SetDefaultPolicyVersion", "PolicyArn", arn, "VersionId", "v7"), IamError.NO_SUCH_ENTITY,
                "Policy " + arn + " version v7 does not exist or is not attachable.");
    }

    @Test
    void deletePolicyVersionRemovesANonDefaultVersion() throws Exception {
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        f.root("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", WRITE_OBJECTS);
        assertThat(f.root("DeletePolicyVersion", "PolicyArn", arn, "VersionId", "v2").isEmpty()).isTrue();
        assertThat(f.root("ListPolicyVersions", "PolicyArn", arn).findValuesAsText("VersionId")).containsExactly("v1");
        expect(f.rootFails("GetPolicyVersion", "PolicyArn", arn, "VersionId", "v2"), IamError.NO_SUCH_ENTITY,
                "Policy " + arn + " version v2 does not exist or is not attachable.");
    }

    @Test
    void listEntitiesForPolicyNamesTheUsersGroupsAndRolesItIsAttachedTo() throws Exception {
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        String userId = f.root("CreateUser", "UserName", "alice").at("/User/UserId").asText();
        String groupId = f.root("CreateGroup", "GroupName", "devs").at("/Group/GroupId").asText();
        String roleId = f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2)
                .at("/Role/RoleId").asText();
        f.root("CreateUser", "UserName", "unrelated");
        f.root("AttachUserPolicy", "UserName", "alice", "PolicyArn", arn);
        f.root("AttachGroupPolicy", "GroupName", "devs", "PolicyArn", arn);
        f.root("AttachRolePolicy", "RoleName", "app", "PolicyArn", arn);

        ObjectNode out = f.root("ListEntitiesForPolicy", "PolicyArn", arn);
        assertThat(keys(out)).containsExactlyInAnyOrder("PolicyGroups", "PolicyUsers", "PolicyRoles", "IsTruncated");
        assertThat(out.get("PolicyUsers")).hasSize(1);
        assertThat(out.at("/PolicyUsers/0/UserName").asText()).isEqualTo("alice");
        assertThat(out.at("/PolicyUsers/0/UserId").asText()).isEqualTo(userId);
        assertThat(out.at("/PolicyGroups/0/GroupName").asText()).isEqualTo("devs");
        assertThat(out.at("/PolicyGroups/0/GroupId").asText()).isEqualTo(groupId);
        assertThat(out.at("/PolicyRoles/0/RoleName").asText()).isEqualTo("app");
        assertThat(out.at("/PolicyRoles/0/RoleId").asText()).isEqualTo(roleId);
        assertThat(out.get("IsTruncated").asBoolean()).isFalse();
    }

    @Test
    void deletePolicyAnswersEmptyAndThePolicyIsGone() throws Exception {
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        assertThat(f.root("DeletePolicy", "PolicyArn", arn).isEmpty()).isTrue();
        expect(f.rootFails("GetPolicy", "PolicyArn", arn), IamError.NO_SUCH_ENTITY, "Policy " + arn + " was not found.");
    }

    @Test
    void tagPolicyUntagPolicyAndListPolicyTags() throws Exception {
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        assertThat(f.root("TagPolicy", "PolicyArn", arn, "Tags.member.1.Key", "b", "Tags.member.1.Value", "2",
                "Tags.member.2.Key", "a", "Tags.member.2.Value", "1").isEmpty()).isTrue();
        ObjectNode tags = f.root("ListPolicyTags", "PolicyArn", arn);
        assertThat(keys(tags)).containsExactly("Tags", "IsTruncated");
        assertThat(tags.findValuesAsText("Key")).as("sorted by key").containsExactly("a", "b");
        assertThat(f.root("UntagPolicy", "PolicyArn", arn, "TagKeys.member.1", "a").isEmpty()).isTrue();
        assertThat(f.root("ListPolicyTags", "PolicyArn", arn).findValuesAsText("Key")).containsExactly("b");
        assertThat(f.root("GetPolicy", "PolicyArn", arn).at("/Policy/Tags/0/Key").asText()).isEqualTo("b");
    }
}
