package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static dev.warden.core.admin.IamFixture.expect;
import static dev.warden.core.admin.UserOperationsTest.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.IamError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CreateAccountAlias, DeleteAccountAlias, ListAccountAliases, GetAccountAuthorizationDetails: AWS's answers. */
class AccountOperationsTest {

    private static final String USER_INLINE = "{\"Version\":\"2012-10-17\",\n \"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}";

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
    void anAccountHasOneAliasWhichCreateAccountAliasReplaces() throws Exception {
        ObjectNode listed = f.root("ListAccountAliases");
        assertThat(keys(listed)).containsExactly("AccountAliases", "IsTruncated");
        assertThat(listed.get("AccountAliases")).extracting(JsonNode::asText).containsExactly("example");

        assertThat(f.root("CreateAccountAlias", "AccountAlias", "example-corp").isEmpty()).isTrue();
        assertThat(f.root("ListAccountAliases").get("AccountAliases")).extracting(JsonNode::asText)
                .containsExactly("example-corp");
    }

    @Test
    void deleteAccountAliasLeavesTheAccountWithout() throws Exception {
        assertThat(f.root("DeleteAccountAlias", "AccountAlias", "example").isEmpty()).isTrue();
        assertThat(f.root("ListAccountAliases").get("AccountAliases")).isEmpty();
        expect(f.rootFails("DeleteAccountAlias", "AccountAlias", "example"), IamError.NO_SUCH_ENTITY,
                "The account alias example cannot be found.");
    }

    @Test
    void anAliasIsUniqueAcrossAccounts() throws Exception {
        f.iam.createAccount(IamFixture.OTHER_ACCOUNT, "taken");
        expect(f.rootFails("CreateAccountAlias", "AccountAlias", "taken"), IamError.ENTITY_ALREADY_EXISTS,
                "The account alias taken already exists.");
    }

    @Test
    void anAliasFollowsAwsRules() throws Exception {
        expect(f.rootFails("CreateAccountAlias", "AccountAlias", "Example_Corp"), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value 'Example_Corp' at 'accountAlias' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");
        expect(f.rootFails("CreateAccountAlias", "AccountAlias", "ab"), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value 'ab' at 'accountAlias' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3");
    }

    private String everything() throws Exception {
        String reads = f.root("CreatePolicy", "PolicyName", "Reads", "PolicyDocument", READ_OBJECTS, "Description", "r")
                .at("/Policy/Arn").asText();
        f.root("CreatePolicyVersion", "PolicyArn", reads, "PolicyDocument", USER_INLINE, "SetAsDefault", "true");
        f.root("CreateUser", "UserName", "alice", "PermissionsBoundary", reads, "Tags.member.1.Key", "team",
                "Tags.member.1.Value", "web");
        f.root("PutUserPolicy", "UserName", "alice", "PolicyName", "own", "PolicyDocument", USER_INLINE);
        f.root("AttachUserPolicy", "UserName", "alice", "PolicyArn", reads);
        f.root("CreateGroup", "GroupName", "devs");
        f.root("PutGroupPolicy", "GroupName", "devs", "PolicyName", "shared", "PolicyDocument", READ_OBJECTS);
        f.root("AttachGroupPolicy", "GroupName", "devs", "PolicyArn", reads);
        f.root("AddUserToGroup", "GroupName", "devs", "UserName", "alice");
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2, "Description", "d");
        f.root("PutRolePolicy", "RoleName", "app", "PolicyName", "work", "PolicyDocument", READ_OBJECTS);
        f.root("AttachRolePolicy", "RoleName", "app", "PolicyArn", reads);
        return reads;
    }

    @Test
    void getAccountAuthorizationDetailsDescribesEveryEntityWithItsPolicies() throws Exception {
        String reads = everything();
        ObjectNode out = f.root("GetAccountAuthorizationDetails");
        assertThat(keys(out)).containsExactly("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies",
                "IsTruncated");

        JsonNode user = out.at("/UserDetailList/0");
        assertThat(keys(user)).containsExactlyInAnyOrder("Path", "UserName", "UserId", "Arn", "CreateDate",
                "PermissionsBoundary", "Tags", "UserPolicyList", "GroupList", "AttachedManagedPolicies");
        assertThat(user.at("/UserPolicyList/0/PolicyName").asText()).isEqualTo("own");
        assertThat(user.at("/UserPolicyList/0/PolicyDocument").asText()).isEqualTo(USER_INLINE);
        assertThat(user.get("GroupList")).extracting(JsonNode::asText).containsExactly("devs");
        assertThat(user.at("/AttachedManagedPolicies/0/PolicyArn").asText()).isEqualTo(reads);
        assertThat(user.at("/AttachedManagedPolicies/0/PolicyName").asText()).isEqualTo("Reads");

        JsonNode group = out.at("/GroupDetailList/0");
        assertThat(keys(group)).containsExactlyInAnyOrder("Path", "GroupName", "GroupId", "Arn", "CreateDate",
                "GroupPolicyList", "AttachedManagedPolicies");
        assertThat(group.at("/GroupPolicyList/0/PolicyName").asText()).isEqualTo("shared");

        JsonNode role = out.at("/RoleDetailList/0");
        assertThat(keys(role)).containsExactlyInAnyOrder("Path", "RoleName", "RoleId", "Arn", "CreateDate",
                "AssumeRolePolicyDocument", "RolePolicyList", "AttachedManagedPolicies");
        assertThat(role.get("AssumeRolePolicyDocument").asText()).isEqualTo(TRUST_EC2);
        assertThat(role.at("/RolePolicyList/0/PolicyDocument").asText()).isEqualTo(READ_OBJECTS);

        JsonNode local = null;
        for (JsonNode p : out.get("Policies")) {
            if (p.get("Arn").asText().equals(reads)) {
                local = p;
            }
        }
        assertThat(local).isNotNull();
        assertThat(keys(local)).containsExactlyInAnyOrder("PolicyName", "PolicyId", "Arn", "Path", "DefaultVersionId",
                "AttachmentCount", "PermissionsBoundaryUsageCount", "IsAttachable", "Description", "CreateDate",
                "UpdateDate", "PolicyVersionList");
        assertThat(local.get("AttachmentCount").asInt()).isEqualTo(3);
        assertThat(local.get("PermissionsBoundaryUsageCount").asInt()).isEqualTo(1);
        assertThat(local.get("DefaultVersionId").asText()).isEqualTo("v2");
        assertThat(local.get("PolicyVersionList").findValuesAsText("VersionId")).containsExactly("v1", "v2");
        assertThat(local.at("/PolicyVersionList/0/Document").asText()).isEqualTo(READ_OBJECTS);
        assertThat(local.at("/PolicyVersionList/1/IsDefaultVersion").asBoolean()).isTrue();
        assertThat(out.get("IsTruncated").asBoolean()).isFalse();
    }

    @Test
    void getAccountAuthorizationDetailsFiltersByEntityType() throws Exception {
        String reads = everything();
        ObjectNode users = f.root("GetAccountAuthorizationDetails", "Filter.member.1", "User");
        assertThat(keys(users)).containsExactly("UserDetailList", "IsTruncated");

        ObjectNode rolesAndGroups = f.root("GetAccountAuthorizationDetails", "Filter.member.1", "Role",
                "Filter.member.2", "Group");
        assertThat(keys(rolesAndGroups)).containsExactly("GroupDetailList", "RoleDetailList", "IsTruncated");

        ObjectNode local = f.root("GetAccountAuthorizationDetails", "Filter.member.1", "LocalManagedPolicy");
        assertThat(keys(local)).containsExactly("Policies", "IsTruncated");
        assertThat(local.get("Policies").findValuesAsText("Arn")).containsExactly(reads);

        ObjectNode aws = f.root("GetAccountAuthorizationDetails", "Filter.member.1", "AWSManagedPolicy");
        List<String> arns = new ArrayList<>(aws.get("Policies").findValuesAsText("Arn"));
        assertThat(arns).contains("arn:aws:iam::aws:policy/AdministratorAccess").doesNotContain(reads)
                .allMatch(arn -> arn.startsWith("arn:aws:iam::aws:policy/"));
    }
}
