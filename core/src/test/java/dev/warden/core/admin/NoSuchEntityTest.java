package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static dev.warden.core.admin.IamFixture.expect;

import dev.warden.core.iam.IamError;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** NoSuchEntity, with AWS's message, for each kind of entity an operation can name that does not exist. */
class NoSuchEntityTest {

    private static final String MISSING_POLICY = "arn:aws:iam::111122223333:policy/Missing";
    private static final String KEY = "AKIAAAAAAAAAAAAAAAAA";

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
        // everything exists but what each case names as missing
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateGroup", "GroupName", "devs");
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static Arguments call(String message, String action, String... params) {
        return Arguments.of(action, Arrays.asList(params), message);
    }

    static Stream<Arguments> missingUser() {
        String m = "The user with name nobody cannot be found.";
        return Stream.of(
                call(m, "GetUser", "UserName", "nobody"),
                call(m, "UpdateUser", "UserName", "nobody", "NewUserName", "somebody"),
                call(m, "DeleteUser", "UserName", "nobody"),
                call(m, "TagUser", "UserName", "nobody", "Tags.member.1.Key", "k", "Tags.member.1.Value", "v"),
                call(m, "UntagUser", "UserName", "nobody", "TagKeys.member.1", "k"),
                call(m, "ListUserTags", "UserName", "nobody"),
                call(m, "AddUserToGroup", "GroupName", "devs", "UserName", "nobody"),
                call(m, "RemoveUserFromGroup", "GroupName", "devs", "UserName", "nobody"),
                call(m, "ListGroupsForUser", "UserName", "nobody"),
                call(m, "PutUserPolicy", "UserName", "nobody", "PolicyName", "p", "PolicyDocument", READ_OBJECTS),
                call(m, "GetUserPolicy", "UserName", "nobody", "PolicyName", "p"),
                call(m, "DeleteUserPolicy", "UserName", "nobody", "PolicyName", "p"),
                call(m, "ListUserPolicies", "UserName", "nobody"),
                call(m, "AttachUserPolicy", "UserName", "nobody", "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"),
                call(m, "DetachUserPolicy", "UserName", "nobody", "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"),
                call(m, "ListAttachedUserPolicies", "UserName", "nobody"),
                call(m, "PutUserPermissionsBoundary", "UserName", "nobody", "PermissionsBoundary",
                        "arn:aws:iam::aws:policy/IAMReadOnlyAccess"),
                call(m, "DeleteUserPermissionsBoundary", "UserName", "nobody"),
                call(m, "CreateAccessKey", "UserName", "nobody"),
                call(m, "ListAccessKeys", "UserName", "nobody"),
                call(m, "UpdateAccessKey", "UserName", "nobody", "AccessKeyId", KEY, "Status", "Inactive"),
                call(m, "DeleteAccessKey", "UserName", "nobody", "AccessKeyId", KEY),
                call(m, "SimulatePrincipalPolicy", "PolicySourceArn", "arn:aws:iam::111122223333:user/nobody",
                        "ActionNames.member.1", "s3:GetObject"));
    }

    static Stream<Arguments> missingGroup() {
        String m = "The group with name nogroup cannot be found.";
        return Stream.of(
                call(m, "GetGroup", "GroupName", "nogroup"),
                call(m, "UpdateGroup", "GroupName", "nogroup", "NewGroupName", "other"),
                call(m, "DeleteGroup", "GroupName", "nogroup"),
                call(m, "AddUserToGroup", "GroupName", "nogroup", "UserName", "alice"),
                call(m, "RemoveUserFromGroup", "GroupName", "nogroup", "UserName", "alice"),
                call(m, "PutGroupPolicy", "GroupName", "nogroup", "PolicyName", "p", "PolicyDocument", READ_OBJECTS),
                call(m, "GetGroupPolicy", "GroupName", "nogroup", "PolicyName", "p"),
                call(m, "DeleteGroupPolicy", "GroupName", "nogroup", "PolicyName", "p"),
                call(m, "ListGroupPolicies", "GroupName", "nogroup"),
                call(m, "AttachGroupPolicy", "GroupName", "nogroup", "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"),
                call(m, "DetachGroupPolicy", "GroupName", "nogroup", "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"),
                call(m, "ListAttachedGroupPolicies", "GroupName", "nogroup"),
                call(m, "SimulatePrincipalPolicy", "PolicySourceArn", "arn:aws:iam::111122223333:group/nogroup",
                        "ActionNames.member.1", "s3:GetObject"));
    }

    static Stream<Arguments> missingRole() {
        String m = "The role with name norole cannot be found.";
        return Stream.of(
                call(m, "GetRole", "RoleName", "norole"),
                call(m, "UpdateRole", "RoleName", "norole", "Description", "d"),
                call(m, "DeleteRole", "RoleName", "norole"),
                call(m, "UpdateAssumeRolePolicy", "RoleName", "norole", "PolicyDocument", TRUST_EC2),
                call(m, "TagRole", "RoleName", "norole", "Tags.member.1.Key", "k", "Tags.member.1.Value", "v"),
                call(m, "UntagRole", "RoleName", "norole", "TagKeys.member.1", "k"),
                call(m, "ListRoleTags", "RoleName", "norole"),
                call(m, "PutRolePolicy", "RoleName", "norole", "PolicyName", "p", "PolicyDocument", READ_OBJECTS),
                call(m, "GetRolePolicy", "RoleName", "norole", "PolicyName", "p"),
                call(m, "DeleteRolePolicy", "RoleName", "norole", "PolicyName", "p"),
                call(m, "ListRolePolicies", "RoleName", "norole"),
                call(m, "AttachRolePolicy", "RoleName", "norole", "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"),
                call(m, "DetachRolePolicy", "RoleName", "norole", "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"),
                call(m, "ListAttachedRolePolicies", "RoleName", "norole"),
                call(m, "PutRolePermissionsBoundary", "RoleName", "norole", "PermissionsBoundary",
                        "arn:aws:iam::aws:policy/IAMReadOnlyAccess"),
                call(m, "DeleteRolePermissionsBoundary", "RoleName", "norole"),
                call(m, "SimulatePrincipalPolicy", "PolicySourceArn", "arn:aws:iam::111122223333:role/norole",
                        "ActionNames.member.1", "s3:GetObject"));
    }

    static Stream<Arguments> missingPolicy() {
        String m = "Policy " + MISSING_POLICY + " was not found.";
        return Stream.of(
                call(m, "GetPolicy", "PolicyArn", MISSING_POLICY),
                call(m, "DeletePolicy", "PolicyArn", MISSING_POLICY),
                call(m, "CreatePolicyVersion", "PolicyArn", MISSING_POLICY, "PolicyDocument", READ_OBJECTS),
                call(m, "GetPolicyVersion", "PolicyArn", MISSING_POLICY, "VersionId", "v1"),
                call(m, "DeletePolicyVersion", "PolicyArn", MISSING_POLICY, "VersionId", "v1"),
                call(m, "ListPolicyVersions", "PolicyArn", MISSING_POLICY),
                call(m, "SetDefaultPolicyVersion", "PolicyArn", MISSING_POLICY, "VersionId", "v1"),
                call(m, "ListEntitiesForPolicy", "PolicyArn", MISSING_POLICY),
                call(m, "TagPolicy", "PolicyArn", MISSING_POLICY, "Tags.member.1.Key", "k", "Tags.member.1.Value", "v"),
                call(m, "UntagPolicy", "PolicyArn", MISSING_POLICY, "TagKeys.member.1", "k"),
                call(m, "ListPolicyTags", "PolicyArn", MISSING_POLICY),
                call("Policy " + MISSING_POLICY + " does not exist or is not attachable.",
                        "AttachUserPolicy", "UserName", "alice", "PolicyArn", MISSING_POLICY),
                call("Policy " + MISSING_POLICY + " does not exist or is not attachable.",
                        "PutUserPermissionsBoundary", "UserName", "alice", "PermissionsBoundary", MISSING_POLICY),
                call("Policy " + MISSING_POLICY + " does not exist or is not attachable.",
                        "CreateUser", "UserName", "bob", "PermissionsBoundary", MISSING_POLICY),
                call("Policy " + MISSING_POLICY + " does not exist or is not attachable.",
                        "CreateRole", "RoleName", "worker", "AssumeRolePolicyDocument", TRUST_EC2,
                        "PermissionsBoundary", MISSING_POLICY));
    }

    static Stream<Arguments> missingInlinePolicy() {
        return Stream.of(
                call("The user policy with name nope cannot be found.", "GetUserPolicy", "UserName", "alice", "PolicyName", "nope"),
                call("The user policy with name nope cannot be found.", "DeleteUserPolicy", "UserName", "alice", "PolicyName", "nope"),
                call("The group policy with name nope cannot be found.", "GetGroupPolicy", "GroupName", "devs", "PolicyName", "nope"),
                call("The group policy with name nope cannot be found.", "DeleteGroupPolicy", "GroupName", "devs", "PolicyName", "nope"),
                call("The role policy with name nope cannot be found.", "GetRolePolicy", "RoleName", "app", "PolicyName", "nope"),
                call("The role policy with name nope cannot be found.", "DeleteRolePolicy", "RoleName", "app", "PolicyName", "nope"));
    }

    static Stream<Arguments> missingAccessKey() {
        String m = "The Access Key with id " + KEY + " cannot be found";
        return Stream.of(
                call(m, "UpdateAccessKey", "UserName", "alice", "AccessKeyId", KEY, "Status", "Inactive"),
                call(m, "DeleteAccessKey", "UserName", "alice", "AccessKeyId", KEY),
                call(m, "GetAccessKeyLastUsed", "AccessKeyId", KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"missingUser", "missingGroup", "missingRole", "missingPolicy", "missingInlinePolicy", "missingAccessKey"})
    void namingWhatDoesNotExist(String action, List<String> params, String message) throws Exception {
        expect(f.rootFails(action, params.toArray(String[]::new)), IamError.NO_SUCH_ENTITY, message);
    }

    @Test
    void aPolicyVersionThatDoesNotExist() throws Exception {
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        String message = "Policy " + arn + " version v9 does not exist or is not attachable.";
        expect(f.rootFails("GetPolicyVersion", "PolicyArn", arn, "VersionId", "v9"), IamError.NO_SUCH_ENTITY, message);
        expect(f.rootFails("DeletePolicyVersion", "PolicyArn", arn, "VersionId", "v9"), IamError.NO_SUCH_ENTITY, message);
        expect(f.rootFails("SetDefaultPolicyVersion", "PolicyArn", arn, "VersionId", "v9"), IamError.NO_SUCH_ENTITY, message);
    }

    @Test
    void aPolicyArnWithTheWrongPathDoesNotNameThePolicy() throws Exception {
        f.root("CreatePolicy", "PolicyName", "Reads", "Path", "/data/", "PolicyDocument", READ_OBJECTS);
        String wrong = "arn:aws:iam::111122223333:policy/Reads";
        expect(f.rootFails("GetPolicy", "PolicyArn", wrong), IamError.NO_SUCH_ENTITY, "Policy " + wrong + " was not found.");
    }

    @Test
    void anAccessKeyOfAnotherUserIsNotFoundUnderThisOne() throws Exception {
        f.root("CreateUser", "UserName", "bob");
        String id = f.root("CreateAccessKey", "UserName", "bob").at("/AccessKey/AccessKeyId").asText();
        expect(f.rootFails("DeleteAccessKey", "UserName", "alice", "AccessKeyId", id), IamError.NO_SUCH_ENTITY,
                "The Access Key with id " + id + " cannot be found");
    }
}
