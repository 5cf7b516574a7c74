package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.IamError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operations IamService answers, by IAM action name; anything else is InvalidAction. */
class OperationRegistryTest {

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
    void theServiceAnswersTheseOperations() {
        assertThat(f.iam.actions()).containsExactlyInAnyOrder(
                "CreateUser", "GetUser", "UpdateUser", "DeleteUser", "ListUsers", "TagUser", "UntagUser", "ListUserTags",
                "CreateGroup", "GetGroup", "UpdateGroup", "DeleteGroup", "ListGroups", "AddUserToGroup",
                "RemoveUserFromGroup", "ListGroupsForUser",
                "CreateRole", "GetRole", "UpdateRole", "DeleteRole", "ListRoles", "UpdateAssumeRolePolicy", "TagRole",
                "UntagRole", "ListRoleTags",
                "PutUserPolicy", "GetUserPolicy", "DeleteUserPolicy", "ListUserPolicies",
                "PutGroupPolicy", "GetGroupPolicy", "DeleteGroupPolicy", "ListGroupPolicies",
                "PutRolePolicy", "GetRolePolicy", "DeleteRolePolicy", "ListRolePolicies",
                "CreatePolicy", "GetPolicy", "DeletePolicy", "ListPolicies", "CreatePolicyVersion", "GetPolicyVersion",
                "DeletePolicyVersion", "ListPolicyVersions", "SetDefaultPolicyVersion", "ListEntitiesForPolicy",
                "TagPolicy", "UntagPolicy", "ListPolicyTags",
                "AttachUserPolicy", "DetachUserPolicy", "ListAttachedUserPolicies",
                "AttachGroupPolicy", "DetachGroupPolicy", "ListAttachedGroupPolicies",
                "AttachRolePolicy", "DetachRolePolicy", "ListAttachedRolePolicies",
                "PutUserPermissionsBoundary", "DeleteUserPermissionsBoundary",
                "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary",
                "CreateAccessKey", "ListAccessKeys", "UpdateAccessKey", "DeleteAccessKey", "GetAccessKeyLastUsed",
                "CreateAccountAlias", "DeleteAccountAlias", "ListAccountAliases", "GetAccountAuthorizationDetails",
                "GetAccountSummary", "SimulatePrincipalPolicy", "SimulateCustomPolicy",
                "CreateLoginProfile", "GetLoginProfile", "UpdateLoginProfile", "DeleteLoginProfile", "ChangePassword",
                "UpdateAccountPasswordPolicy", "GetAccountPasswordPolicy", "DeleteAccountPasswordPolicy",
                "CreateOpenIDConnectProvider", "GetOpenIDConnectProvider", "ListOpenIDConnectProviders",
                "DeleteOpenIDConnectProvider", "AddClientIDToOpenIDConnectProvider",
                "RemoveClientIDFromOpenIDConnectProvider", "UpdateOpenIDConnectProviderThumbprint",
                "UpdateOpenIDConnectProviderJwks", "TagOpenIDConnectProvider", "UntagOpenIDConnectProvider",
                "ListOpenIDConnectProviderTags",
                "CreateVirtualMFADevice", "EnableMFADevice", "ResyncMFADevice", "DeactivateMFADevice",
                "ListMFADevices", "ListVirtualMFADevices", "DeleteVirtualMFADevice",
                "GenerateCredentialReport", "GetCredentialReport");
    }

    @Test
    void anUnknownOperationIsInvalidAction() throws Exception {
        expect(f.rootFails("CreateUsers", "UserName", "alice"), IamError.INVALID_ACTION,
                "Could not find operation CreateUsers for version 2010-05-08");
        expect(f.rootFails("createuser", "UserName", "alice"), IamError.INVALID_ACTION,
                "Could not find operation createuser for version 2010-05-08");
        assertThat(IamError.INVALID_ACTION.httpStatus()).isEqualTo(400);
    }

    @Test
    void errorCodesCarryAwsHttpStatuses() {
        assertThat(IamError.NO_SUCH_ENTITY.httpStatus()).isEqualTo(404);
        assertThat(IamError.ENTITY_ALREADY_EXISTS.httpStatus()).isEqualTo(409);
        assertThat(IamError.LIMIT_EXCEEDED.httpStatus()).isEqualTo(409);
        assertThat(IamError.DELETE_CONFLICT.httpStatus()).isEqualTo(409);
        assertThat(IamError.MALFORMED_POLICY_DOCUMENT.httpStatus()).isEqualTo(400);
        assertThat(IamError.VALIDATION_ERROR.httpStatus()).isEqualTo(400);
        assertThat(IamError.INVALID_INPUT.httpStatus()).isEqualTo(400);
        assertThat(IamError.ACCESS_DENIED.httpStatus()).isEqualTo(403);
    }
}
