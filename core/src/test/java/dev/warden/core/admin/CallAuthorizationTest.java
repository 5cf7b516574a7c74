package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every IAM operation is itself authorized, as in AWS: the caller must be allowed {@code iam:OPERATION} on the ARN
 * of the entity it names, path included ({@code *} for account-wide operations).
 */
class CallAuthorizationTest {

    private static final String A = "arn:aws:iam::111122223333:";
    private static final String ALICE = A + "user/eng/alice";
    private static final String DEVS = A + "group/teams/devs";
    private static final String APP = A + "role/svc/app";
    private static final String READS = A + "policy/pol/Reads";
    private static final String SPARE = A + "policy/Spare";
    private static final String IAM_READ = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
    private static final String KEY = "%KEY%";
    private static final String SPARE_PHONE = A + "mfa/spare-phone";
    private static final String ALICE_PHONE = A + "mfa/alice-phone";
    private static final String IDP = A + "oidc-provider/idp.example.com";
    /** Placeholders for MFA codes, computed when the test runs: two for the spare device, two for alice's. */
    private static final List<String> CODES = List.of("%ENABLE1%", "%ENABLE2%", "%RESYNC1%", "%RESYNC2%");
    /** One PBKDF2 hash for every test's login profile: hashing costs a third of a second. */
    private static final String HASHED = new dev.warden.core.auth.password.PasswordHasher()
            .hash("Correct-Horse-7".toCharArray());
    /** Operations the table leaves out, and why. */
    private static final Set<String> NOT_AS_ROOT = Set.of(
            "ChangePassword"); // only an IAM user changes its own password: LoginProfileOperationsTest

    private IamFixture f;
    private String keyId;
    private final java.util.Map<String, String> codes = new java.util.HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
        f.root("CreateUser", "UserName", "alice", "Path", "/eng/", "Tags.member.1.Key", "team", "Tags.member.1.Value", "w");
        keyId = f.root("CreateAccessKey", "UserName", "alice").at("/AccessKey/AccessKeyId").asText();
        f.root("CreateUser", "UserName", "temp");
        f.root("CreateGroup", "GroupName", "devs", "Path", "/teams/");
        f.root("CreateGroup", "GroupName", "empty");
        f.root("AddUserToGroup", "GroupName", "devs", "UserName", "alice");
        f.root("CreateRole", "RoleName", "app", "Path", "/svc/", "AssumeRolePolicyDocument", TRUST_EC2,
                "Tags.member.1.Key", "env", "Tags.member.1.Value", "prod");
        f.root("CreateRole", "RoleName", "spare", "AssumeRolePolicyDocument", TRUST_EC2);
        f.root("CreatePolicy", "PolicyName", "Reads", "Path", "/pol/", "PolicyDocument", READ_OBJECTS,
                "Tags.member.1.Key", "k", "Tags.member.1.Value", "v");
        f.root("CreatePolicyVersion", "PolicyArn", READS, "PolicyDocument", READ_OBJECTS);
        f.createPolicy("Spare", READ_OBJECTS);
        for (String[] holder : new String[][] {{"User", "alice"}, {"Group", "devs"}, {"Role", "app"}}) {
            f.root("Put" + holder[0] + "Policy", holder[0] + "Name", holder[1], "PolicyName", "inline",
                    "PolicyDocument", READ_OBJECTS);
            f.root("Attach" + holder[0] + "Policy", holder[0] + "Name", holder[1], "PolicyArn", READS);
        }
        f.root("PutUserPermissionsBoundary", "UserName", "alice", "PermissionsBoundary", READS);
        f.root("PutRolePermissionsBoundary", "RoleName", "app", "PermissionsBoundary", READS);
        f.warden.directory().update(d -> new dev.warden.core.iam.LiveDirectory.Result<>(null,
                new dev.warden.core.iam.Changes().put(IamFixture.ACCOUNT, d.account(IamFixture.ACCOUNT).user("alice")
                        .withLoginProfile(new dev.warden.core.iam.LoginProfile(HASHED, java.time.Instant.now(),
                                java.time.Instant.now(), false, List.of())))));
        f.root("UpdateAccountPasswordPolicy", "MinimumPasswordLength", "8");
        f.root("CreateOpenIDConnectProvider", "Url", "https://idp.example.com", "ClientIDList.member.1", "app",
                "Tags.member.1.Key", "k", "Tags.member.1.Value", "v");
        byte[] spare = seed(f.root("CreateVirtualMFADevice", "VirtualMFADeviceName", "spare-phone"));
        byte[] phone = seed(f.root("CreateVirtualMFADevice", "VirtualMFADeviceName", "alice-phone"));
        long now = dev.warden.core.auth.mfa.Totp.AWS.step(java.time.Instant.now());
        f.root("EnableMFADevice", "UserName", "alice", "SerialNumber", ALICE_PHONE,
                "AuthenticationCode1", code(phone, now - 1), "AuthenticationCode2", code(phone, now));
        f.root("GenerateCredentialReport"); // so GetCredentialReport has one to answer with
        codes.put("%ENABLE1%", code(spare, now - 1));
        codes.put("%ENABLE2%", code(spare, now));
        codes.put("%RESYNC1%", code(phone, now + 1));
        codes.put("%RESYNC2%", code(phone, now + 2));
    }

    private static byte[] seed(ObjectNode created) {
        String base32 = new String(java.util.Base64.getDecoder().decode(
                created.at("/VirtualMFADevice/Base32StringSeed").asText()), java.nio.charset.StandardCharsets.US_ASCII);
        return dev.warden.core.auth.mfa.Base32.decode(base32);
    }

    private static String code(byte[] seed, long step) {
        return dev.warden.core.auth.mfa.Totp.AWS.generate(seed, step);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static Arguments op(String action, String resource, String... params) {
        return Arguments.of(action, resource, Arrays.asList(params));
    }

    /** Each operation, the ARN it is authorized on, and parameters that make it succeed in the world set up. */
    static Stream<Arguments> operations() {
        return Stream.of(
                op("CreateUser", A + "user/eng/newbie", "UserName", "newbie", "Path", "/eng/"),
                op("GetUser", ALICE, "UserName", "alice"),
                op("UpdateUser", ALICE, "UserName", "alice", "NewPath", "/eng/"),
                op("DeleteUser", A + "user/temp", "UserName", "temp"),
                op("ListUsers", A + "user/eng/", "PathPrefix", "/eng/"),
                op("TagUser", ALICE, "UserName", "alice", "Tags.member.1.Key", "k", "Tags.member.1.Value", "v"),
                op("UntagUser", ALICE, "UserName", "alice", "TagKeys.member.1", "team"),
                op("ListUserTags", ALICE, "UserName", "alice"),
                op("CreateGroup", A + "group/teams/ops", "GroupName", "ops", "Path", "/teams/"),
                op("GetGroup", DEVS, "GroupName", "devs"),
                op("UpdateGroup", DEVS, "GroupName", "devs", "NewPath", "/teams/"),
                op("DeleteGroup", A + "group/empty", "GroupName", "empty"),
                op("ListGroups", A + "group/"),
                op("AddUserToGroup", DEVS, "GroupName", "devs", "UserName", "temp"),
                op("RemoveUserFromGroup", DEVS, "GroupName", "devs", "UserName", "alice"),
                op("ListGroupsForUser", ALICE, "UserName", "alice"),
                op("CreateRole", A + "role/svc/worker", "RoleName", "worker", "Path", "/svc/",
                        "AssumeRolePolicyDocument", TRUST_EC2),
                op("GetRole", APP, "RoleName", "app"),
                op("UpdateRole", APP, "RoleName", "app", "Description", "d"),
                op("DeleteRole", A + "role/spare", "RoleName", "spare"),
                op("ListRoles", A + "role/"),
                op("UpdateAssumeRolePolicy", APP, "RoleName", "app", "PolicyDocument", TRUST_EC2),
                op("TagRole", APP, "RoleName", "app", "Tags.member.1.Key", "k", "Tags.member.1.Value", "v"),
                op("UntagRole", APP, "RoleName", "app", "TagKeys.member.1", "env"),
                op("ListRoleTags", APP, "RoleName", "app"),
                op("PutUserPolicy", ALICE, "UserName", "alice", "PolicyName", "more", "PolicyDocument", READ_OBJECTS),
                op("GetUserPolicy", ALICE, "UserName", "alice", "PolicyName", "inline"),
                op("DeleteUserPolicy", ALICE, "UserName", "alice", "PolicyName", "inline"),
                op("ListUserPolicies", ALICE, "UserName", "alice"),
                op("PutGroupPolicy", DEVS, "GroupName", "devs", "PolicyName", "more", "PolicyDocument", READ_OBJECTS),
                op("GetGroupPolicy", DEVS, "GroupName", "devs", "PolicyName", "inline"),
                op("DeleteGroupPolicy", DEVS, "GroupName", "devs", "PolicyName", "inline"),
                op("ListGroupPolicies", DEVS, "GroupName", "devs"),
                op("PutRolePolicy", APP, "RoleName", "app", "PolicyName", "more", "PolicyDocument", READ_OBJECTS),
                op("GetRolePolicy", APP, "RoleName", "app", "PolicyName", "inline"),
                op("DeleteRolePolicy", APP, "RoleName", "app", "PolicyName", "inline"),
                op("ListRolePolicies", APP, "RoleName", "app"),
                op("CreatePolicy", A + "policy/pol/New", "PolicyName", "New", "Path", "/pol/", "PolicyDocument", READ_OBJECTS),
                op("GetPolicy", READS, "PolicyArn", READS),
                op("DeletePolicy", SPARE, "PolicyArn", SPARE),
                op("ListPolicies", A + "policy/"),
                op("CreatePolicyVersion", READS, "PolicyArn", READS, "PolicyDocument", READ_OBJECTS),
                op("GetPolicyVersion", READS, "PolicyArn", READS, "VersionId", "v1"),
                op("DeletePolicyVersion", READS, "PolicyArn", READS, "VersionId", "v2"),
                op("ListPolicyVersions", READS, "PolicyArn", READS),
                op("SetDefaultPolicyVersion", READS, "PolicyArn", READS, "VersionId", "v2"),
                op("ListEntitiesForPolicy", READS, "PolicyArn", READS),
                op("TagPolicy", READS, "PolicyArn", READS, "Tags.member.1.Key", "k2", "Tags.member.1.Value", "v"),
                op("UntagPolicy", READS, "PolicyArn", READS, "TagKeys.member.1", "k"),
                op("ListPolicyTags", READS, "PolicyArn", READS),
                op("AttachUserPolicy", ALICE, "UserName", "alice", "PolicyArn", IAM_READ),
                op("DetachUserPolicy", ALICE, "UserName", "alice", "PolicyArn", READS),
                op("ListAttachedUserPolicies", ALICE, "UserName", "alice"),
                op("AttachGroupPolicy", DEVS, "GroupName", "devs", "PolicyArn", IAM_READ),
                op("DetachGroupPolicy", DEVS, "GroupName", "devs", "PolicyArn", READS),
                op("ListAttachedGroupPolicies", DEVS, "GroupName", "devs"),
                op("AttachRolePolicy", APP, "RoleName", "app", "PolicyArn", IAM_READ),
                op("DetachRolePolicy", APP, "RoleName", "app", "PolicyArn", READS),
                op("ListAttachedRolePolicies", APP, "RoleName", "app"),
                op("PutUserPermissionsBoundary", ALICE, "UserName", "alice", "PermissionsBoundary", SPARE),
                op("DeleteUserPermissionsBoundary", ALICE, "UserName", "alice"),
                op("PutRolePermissionsBoundary", APP, "RoleName", "app", "PermissionsBoundary", SPARE),
                op("DeleteRolePermissionsBoundary", APP, "RoleName", "app"),
                op("CreateAccessKey", ALICE, "UserName", "alice"),
                op("ListAccessKeys", ALICE, "UserName", "alice"),
                op("UpdateAccessKey", ALICE, "UserName", "alice", "AccessKeyId", KEY, "Status", "Inactive"),
                op("DeleteAccessKey", ALICE, "UserName", "alice", "AccessKeyId", KEY),
                op("GetAccessKeyLastUsed", ALICE, "AccessKeyId", KEY),
                op("CreateAccountAlias", "*", "AccountAlias", "example-two"),
                op("DeleteAccountAlias", "*", "AccountAlias", "example"),
                op("ListAccountAliases", "*"),
                op("GetAccountAuthorizationDetails", "*"),
                op("GetAccountSummary", "*"),
                op("SimulatePrincipalPolicy", ALICE, "PolicySourceArn", ALICE, "ActionNames.member.1", "s3:GetObject"),
                op("SimulateCustomPolicy", "*", "PolicyInputList.member.1", READ_OBJECTS, "ActionNames.member.1",
                        "s3:GetObject"),
                op("CreateLoginProfile", A + "user/temp", "UserName", "temp", "Password", "Correct-Horse-7"),
                op("GetLoginProfile", ALICE, "UserName", "alice"),
                op("UpdateLoginProfile", ALICE, "UserName", "alice", "PasswordResetRequired", "true"),
                op("DeleteLoginProfile", ALICE, "UserName", "alice"),
                op("UpdateAccountPasswordPolicy", "*", "MinimumPasswordLength", "10"),
                op("GetAccountPasswordPolicy", "*"),
                op("DeleteAccountPasswordPolicy", "*"),
                op("CreateOpenIDConnectProvider", A + "oidc-provider/new.example.com/x", "Url", "https://new.example.com/x"),
                op("GetOpenIDConnectProvider", IDP, "OpenIDConnectProviderArn", IDP),
                op("ListOpenIDConnectProviders", "*"),
                op("DeleteOpenIDConnectProvider", IDP, "OpenIDConnectProviderArn", IDP),
                op("AddClientIDToOpenIDConnectProvider", IDP, "OpenIDConnectProviderArn", IDP, "ClientID", "mobile"),
                op("RemoveClientIDFromOpenIDConnectProvider", IDP, "OpenIDConnectProviderArn", IDP, "ClientID", "app"),
                op("UpdateOpenIDConnectProviderThumbprint", IDP, "OpenIDConnectProviderArn", IDP,
                        "ThumbprintList.member.1", "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"),
                op("UpdateOpenIDConnectProviderJwks", IDP, "OpenIDConnectProviderArn", IDP),
                op("TagOpenIDConnectProvider", IDP, "OpenIDConnectProviderArn", IDP, "Tags.member.1.Key", "k2",
                        "Tags.member.1.Value", "v"),
                op("UntagOpenIDConnectProvider", IDP, "OpenIDConnectProviderArn", IDP, "TagKeys.member.1", "k"),
                op("ListOpenIDConnectProviderTags", IDP, "OpenIDConnectProviderArn", IDP),
                op("CreateVirtualMFADevice", A + "mfa/new-phone", "VirtualMFADeviceName", "new-phone"),
                op("EnableMFADevice", ALICE, "UserName", "alice", "SerialNumber", SPARE_PHONE,
                        "AuthenticationCode1", "%ENABLE1%", "AuthenticationCode2", "%ENABLE2%"),
                op("ResyncMFADevice", ALICE, "UserName", "alice", "SerialNumber", ALICE_PHONE,
                        "AuthenticationCode1", "%RESYNC1%", "AuthenticationCode2", "%RESYNC2%"),
                op("DeactivateMFADevice", ALICE, "UserName", "alice", "SerialNumber", ALICE_PHONE),
                op("ListMFADevices", ALICE, "UserName", "alice"),
                op("ListVirtualMFADevices", "*"),
                op("DeleteVirtualMFADevice", SPARE_PHONE, "SerialNumber", SPARE_PHONE),
                op("GenerateCredentialReport", "*"),
                op("GetCredentialReport", "*"));
    }

    private String[] params(List<String> params) {
        return params.stream().map(p -> p.equals(KEY) ? keyId : CODES.contains(p) ? codes.get(p) : p)
                .toArray(String[]::new);
    }

    @Test
    void theTableCoversEveryRegisteredOperation() {
        Set<String> listed = operations().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        listed.addAll(NOT_AS_ROOT);
        assertThat(listed).isEqualTo(new TreeSet<>(f.iam.actions()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void theCallIsAuthorizedAsIamActionOnTheEntitysArn(String action, String resource, List<String> params)
            throws Exception {
        f.decided.clear();
        ObjectNode out = f.root(action, params(params));
        assertThat(out).isNotNull();
        AuthorizationRequest first = f.decided.get(0);
        assertThat(first.principal()).isEqualTo(IamFixture.ROOT);
        assertThat(first.action()).isEqualTo("iam:" + action);
        assertThat(first.resource()).isEqualTo(resource);
    }

    /**
     * An operation carries no service-specific condition key (an {@code iam:} key, request or resource tags, tag
     * keys) that AWS's Service Authorization Reference does not document for it; on an existing tagged entity it
     * carries the entity's tags wherever the reference documents them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void theCallCarriesTheServiceKeysAwsDocumentsForTheOperationAndNoOthers(String action, String resource,
                                                                          List<String> params) throws Exception {
        Map<String, String> tagged = Map.of(ALICE, "team", APP, "env", READS, "k", IDP, "k");
        f.decided.clear();
        f.root(action, params(params));
        AuthorizationRequest request = f.decided.get(0);
        Set<String> documented = ServiceReference.documented(action);
        assertThat(ServiceReference.serviceKeys(request)).isSubsetOf(documented);
        String tag = tagged.get(resource);
        assertThat(request.context().containsKey("aws:resourcetag/" + tag))
                .isEqualTo(tag != null && documented.contains("aws:resourcetag/${tagkey}"));
        assertThat(request.context().containsKey("iam:resourcetag/" + tag))
                .isEqualTo(tag != null && documented.contains("iam:resourcetag/${tagkey}"));
    }

    /** AWS leaves "on resource" out of the message when the resource is {@code *}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aUserWithoutIamPermissionsIsDeniedEveryOperation(String action, String resource, List<String> params)
            throws Exception {
        Principal nobody = f.userWithoutPermissions("nobody");
        IamException e = f.fails(nobody, action, params(params));
        assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(e.getMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/nobody is not authorized to perform: iam:"
                + action + (resource.equals("*") ? "" : " on resource: " + resource)
                + " because no identity-based policy allows the iam:" + action + " action");
    }

    @Test
    void aUserAllowedUserActionsUnderAPathManagesThoseUsersOnly() throws Exception {
        Principal admin = f.userWithPolicy("eng-admin", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"iam:*User*\",\"Resource\":\"arn:aws:iam::111122223333:user/eng/*\"}]}");
        f.root("CreateUser", "UserName", "dave", "Path", "/ops/");

        f.as(admin, "CreateUser", "UserName", "bob", "Path", "/eng/");
        f.as(admin, "TagUser", "UserName", "bob", "Tags.member.1.Key", "k", "Tags.member.1.Value", "v");
        f.as(admin, "PutUserPolicy", "UserName", "bob", "PolicyName", "p", "PolicyDocument", READ_OBJECTS);
        f.as(admin, "DeleteUserPolicy", "UserName", "bob", "PolicyName", "p");
        assertThat(f.as(admin, "GetUser", "UserName", "alice").at("/User/Arn").asText()).isEqualTo(ALICE);
        assertThat(f.as(admin, "ListUsers", "PathPrefix", "/eng/").findValuesAsText("UserName")).containsExactly("alice", "bob");

        IamException e = f.fails(admin, "CreateUser", "UserName", "carol", "Path", "/ops/");
        assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(e.getMessage()).contains("iam:CreateUser on resource: arn:aws:iam::111122223333:user/ops/carol");
        e = f.fails(admin, "GetUser", "UserName", "dave");
        assertThat(e.getMessage()).contains("iam:GetUser on resource: arn:aws:iam::111122223333:user/ops/dave");
        e = f.fails(admin, "DeleteUser", "UserName", "dave");
        assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
        e = f.fails(admin, "ListUsers");
        assertThat(e.getMessage()).contains("iam:ListUsers on resource: arn:aws:iam::111122223333:user/ ");
        e = f.fails(admin, "UpdateUser", "UserName", "bob", "NewPath", "/ops/");
        assertThat(e.getMessage()).contains("iam:UpdateUser on resource: arn:aws:iam::111122223333:user/ops/bob");
        e = f.fails(admin, "CreateGroup", "GroupName", "eng");
        assertThat(e.getMessage()).contains("iam:CreateGroup on resource: arn:aws:iam::111122223333:group/eng");

        f.as(admin, "DeleteUser", "UserName", "bob");
    }

    @Test
    void renamingAUserNeedsPermissionOnTheOldAndTheNewName() throws Exception {
        Principal admin = f.userWithPolicy("renamer", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"iam:UpdateUser\",\"Resource\":\"arn:aws:iam::111122223333:user/temp\"}]}");
        IamException e = f.fails(admin, "UpdateUser", "UserName", "temp", "NewUserName", "renamed");
        assertThat(e.getMessage()).contains("iam:UpdateUser on resource: arn:aws:iam::111122223333:user/renamed ");
    }

    @Test
    void renamingAGroupNeedsPermissionOnTheOldAndTheNewName() throws Exception {
        Principal admin = f.userWithPolicy("renamer", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"iam:UpdateGroup\",\"Resource\":\"arn:aws:iam::111122223333:group/teams/*\"}]}");
        IamException e = f.fails(admin, "UpdateGroup", "GroupName", "devs", "NewGroupName", "engineers", "NewPath", "/eng/");
        assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(e.getMessage()).contains("iam:UpdateGroup on resource: arn:aws:iam::111122223333:group/eng/engineers ");
        f.as(admin, "UpdateGroup", "GroupName", "devs", "NewGroupName", "engineers");
        assertThat(f.root("GetGroup", "GroupName", "engineers").at("/Group/Arn").asText())
                .isEqualTo("arn:aws:iam::111122223333:group/teams/engineers");
    }

    @Test
    void creatingWithABoundaryOrTagsNeedsThosePermissionsToo() throws Exception {
        Principal creator = f.userWithPolicy("creator", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":[\"iam:CreateUser\",\"iam:CreateRole\"],\"Resource\":\"*\"}]}");
        f.as(creator, "CreateUser", "UserName", "plain");
        IamException e = f.fails(creator, "CreateUser", "UserName", "bounded", "PermissionsBoundary", SPARE);
        assertThat(e.getMessage()).contains("iam:PutUserPermissionsBoundary on resource: arn:aws:iam::111122223333:user/bounded ");
        e = f.fails(creator, "CreateUser", "UserName", "tagged", "Tags.member.1.Key", "k", "Tags.member.1.Value", "v");
        assertThat(e.getMessage()).contains("iam:TagUser on resource: arn:aws:iam::111122223333:user/tagged ");
        e = f.fails(creator, "CreateRole", "RoleName", "bounded", "AssumeRolePolicyDocument", TRUST_EC2,
                "PermissionsBoundary", SPARE);
        assertThat(e.getMessage()).contains("iam:PutRolePermissionsBoundary on resource: arn:aws:iam::111122223333:role/bounded ");
        e = f.fails(creator, "CreateRole", "RoleName", "tagged", "AssumeRolePolicyDocument", TRUST_EC2,
                "Tags.member.1.Key", "k", "Tags.member.1.Value", "v");
        assertThat(e.getMessage()).contains("iam:TagRole on resource: arn:aws:iam::111122223333:role/tagged ");
    }
}
