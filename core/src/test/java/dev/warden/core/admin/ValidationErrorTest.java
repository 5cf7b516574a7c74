package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ValidationError: AWS's length and pattern rules for names, paths and other parameters, in AWS's words. */
class ValidationErrorTest {

    private static final String NAME_PATTERN = "Member must satisfy regular expression pattern: [\\w+=,.@-]+";

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static String message(String value, String field, String constraint) {
        return "1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'") + " at '" + field
                + "' failed to satisfy constraint: " + constraint;
    }

    @ParameterizedTest
    @CsvSource({"CreateUser, UserName, userName, 64", "CreateGroup, GroupName, groupName, 128",
            "CreateRole, RoleName, roleName, 64", "CreatePolicy, PolicyName, policyName, 128"})
    void namesHaveAMaximumLength(String action, String param, String field, int max) throws Exception {
        String atMax = "n".repeat(max);
        String tooLong = "n".repeat(max + 1);
        f.root(action, param, atMax, "AssumeRolePolicyDocument", TRUST_EC2, "PolicyDocument", READ_OBJECTS);
        expect(f.rootFails(action, param, tooLong, "AssumeRolePolicyDocument", TRUST_EC2, "PolicyDocument", READ_OBJECTS),
                IamError.VALIDATION_ERROR, message(tooLong, field, "Member must have length less than or equal to " + max));
    }

    @ParameterizedTest
    @CsvSource({"CreateUser, UserName, userName", "CreateGroup, GroupName, groupName", "CreateRole, RoleName, roleName",
            "CreatePolicy, PolicyName, policyName"})
    void namesAreWordCharactersAndPlusEqualsCommaDotAtDash(String action, String param, String field) throws Exception {
        f.root(action, param, "a_b+c=d,e.f@g-h", "AssumeRolePolicyDocument", TRUST_EC2, "PolicyDocument", READ_OBJECTS);
        for (String bad : new String[] {"a b", "a/b", "a*b", "a:b"}) {
            expect(f.rootFails(action, param, bad, "AssumeRolePolicyDocument", TRUST_EC2, "PolicyDocument", READ_OBJECTS),
                    IamError.VALIDATION_ERROR, message(bad, field, NAME_PATTERN));
        }
        expect(f.rootFails(action, param, "", "AssumeRolePolicyDocument", TRUST_EC2, "PolicyDocument", READ_OBJECTS),
                IamError.VALIDATION_ERROR, message("", field, "Member must have length greater than or equal to 1"));
    }

    @ParameterizedTest
    @CsvSource({"CreateUser, UserName, userName", "CreateGroup, GroupName, groupName", "CreateRole, RoleName, roleName",
            "CreatePolicy, PolicyName, policyName", "GetUser, UserName, userName"})
    void aRequiredNameThatIsMissing(String action, String param, String field) throws Exception {
        if (action.equals("GetUser")) {
            // GetUser's name is optional for a user or the root user, who then mean themselves; a role must name one
            expect(f.fails(Principal.of("arn:aws:sts::111122223333:assumed-role/app/session"), action),
                    IamError.VALIDATION_ERROR, "Must specify userName when calling with non-User credentials");
            return;
        }
        expect(f.rootFails(action, "AssumeRolePolicyDocument", TRUST_EC2, "PolicyDocument", READ_OBJECTS),
                IamError.VALIDATION_ERROR, message(null, field, "Member must not be null"));
    }

    @Test
    void otherRequiredParametersThatAreMissing() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        expect(f.rootFails("CreateRole", "RoleName", "app"), IamError.VALIDATION_ERROR,
                message(null, "assumeRolePolicyDocument", "Member must not be null"));
        expect(f.rootFails("CreatePolicy", "PolicyName", "p"), IamError.VALIDATION_ERROR,
                message(null, "policyDocument", "Member must not be null"));
        expect(f.rootFails("PutUserPolicy", "UserName", "alice", "PolicyDocument", READ_OBJECTS), IamError.VALIDATION_ERROR,
                message(null, "policyName", "Member must not be null"));
        expect(f.rootFails("AttachUserPolicy", "UserName", "alice"), IamError.VALIDATION_ERROR,
                message(null, "policyArn", "Member must not be null"));
        expect(f.rootFails("GetPolicy"), IamError.VALIDATION_ERROR, message(null, "policyArn", "Member must not be null"));
        expect(f.rootFails("GetPolicyVersion", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"),
                IamError.VALIDATION_ERROR, message(null, "versionId", "Member must not be null"));
        expect(f.rootFails("PutUserPermissionsBoundary", "UserName", "alice"), IamError.VALIDATION_ERROR,
                message(null, "permissionsBoundary", "Member must not be null"));
        expect(f.rootFails("DeleteAccessKey", "UserName", "alice"), IamError.VALIDATION_ERROR,
                message(null, "accessKeyId", "Member must not be null"));
        expect(f.rootFails("UpdateAccessKey", "UserName", "alice", "AccessKeyId", "AKIAAAAAAAAAAAAAAAAA"),
                IamError.VALIDATION_ERROR, message(null, "status", "Member must not be null"));
        expect(f.rootFails("CreateAccountAlias"), IamError.VALIDATION_ERROR,
                message(null, "accountAlias", "Member must not be null"));
        expect(f.rootFails("AddUserToGroup", "UserName", "alice"), IamError.VALIDATION_ERROR,
                message(null, "groupName", "Member must not be null"));
    }

    @Test
    void aPathBeginsAndEndsWithASlash() throws Exception {
        String pattern = "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";
        for (String bad : new String[] {"eng", "/eng", "eng/", "/e ng/"}) {
            expect(f.rootFails("CreateUser", "UserName", "alice", "Path", bad), IamError.VALIDATION_ERROR,
                    message(bad, "path", pattern));
        }
        String tooLong = "/" + "p".repeat(511) + "/";
        expect(f.rootFails("CreateGroup", "GroupName", "devs", "Path", tooLong), IamError.VALIDATION_ERROR,
                message(tooLong, "path", "Member must have length less than or equal to 512"));
        f.root("CreateUser", "UserName", "alice");
        expect(f.rootFails("UpdateUser", "UserName", "alice", "NewPath", "ops"), IamError.VALIDATION_ERROR,
                message("ops", "newPath", pattern));
        expect(f.rootFails("ListUsers", "PathPrefix", "eng"), IamError.VALIDATION_ERROR,
                message("eng", "pathPrefix", "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*"));
    }

    @Test
    void tagsFollowAwsRules() throws Exception {
        String longKey = "k".repeat(129);
        expect(f.rootFails("CreateUser", "UserName", "alice", "Tags.member.1.Key", longKey, "Tags.member.1.Value", "v"),
                IamError.VALIDATION_ERROR, message(longKey, "tags.member.key",
                        "Member must have length less than or equal to 128"));
        String longValue = "v".repeat(257);
        expect(f.rootFails("CreateUser", "UserName", "alice", "Tags.member.1.Key", "k", "Tags.member.1.Value", longValue),
                IamError.VALIDATION_ERROR, message(longValue, "tags.member.value",
                        "Member must have length less than or equal to 256"));
        expect(f.rootFails("CreateUser", "UserName", "alice", "Tags.member.1.Key", "a#b", "Tags.member.1.Value", "v"),
                IamError.VALIDATION_ERROR, message("a#b", "tags.member.key",
                        "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"));
    }

    @Test
    void descriptionsVersionIdsAndArnsHaveTheirRules() throws Exception {
        String longDescription = "d".repeat(1001);
        expect(f.rootFails("CreatePolicy", "PolicyName", "p", "PolicyDocument", READ_OBJECTS, "Description",
                longDescription), IamError.VALIDATION_ERROR, message(longDescription, "description",
                "Member must have length less than or equal to 1000"));
        expect(f.rootFails("GetPolicyVersion", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess",
                "VersionId", "1"), IamError.VALIDATION_ERROR, message("1", "versionId",
                "Member must have length greater than or equal to 2"));
        expect(f.rootFails("GetPolicyVersion", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess",
                "VersionId", "x1"), IamError.VALIDATION_ERROR, message("x1", "versionId",
                "Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"));
        expect(f.rootFails("GetPolicy", "PolicyArn", "arn:aws:iam"), IamError.VALIDATION_ERROR,
                message("arn:aws:iam", "policyArn", "Member must have length greater than or equal to 20"));
    }

    @Test
    void anAccountIdIsTwelveDigits() {
        assertThatThrownBy(() -> f.iam.createAccount("12345", null)).isInstanceOfSatisfying(IamException.class,
                e -> expect(e, IamError.VALIDATION_ERROR, "an account id is 12 digits, got '12345'"));
    }
}
