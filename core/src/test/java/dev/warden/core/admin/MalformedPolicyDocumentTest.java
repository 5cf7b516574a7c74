package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MalformedPolicyDocument: every operation that takes a document refuses a bad one, naming the JSON pointer. */
class MalformedPolicyDocumentTest {

    private static final String BAD_EFFECT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},{\"Effect\":\"Permit\",\"Action\":\"s3:PutObject\","
            + "\"Resource\":\"*\"}]}";
    private static final String BAD_EFFECT_MESSAGE = "Effect must be \"Allow\" or \"Deny\", not \"Permit\" (at /Statement/1/Effect)";

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateGroup", "GroupName", "devs");
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void inlinePolicies() throws Exception {
        expect(f.rootFails("PutUserPolicy", "UserName", "alice", "PolicyName", "p", "PolicyDocument", BAD_EFFECT),
                IamError.MALFORMED_POLICY_DOCUMENT, BAD_EFFECT_MESSAGE);
        expect(f.rootFails("PutGroupPolicy", "GroupName", "devs", "PolicyName", "p", "PolicyDocument", BAD_EFFECT),
                IamError.MALFORMED_POLICY_DOCUMENT, BAD_EFFECT_MESSAGE);
        expect(f.rootFails("PutRolePolicy", "RoleName", "app", "PolicyName", "p", "PolicyDocument", BAD_EFFECT),
                IamError.MALFORMED_POLICY_DOCUMENT, BAD_EFFECT_MESSAGE);
    }

    @Test
    void managedPoliciesAndTheirVersions() throws Exception {
        expect(f.rootFails("CreatePolicy", "PolicyName", "p", "PolicyDocument", BAD_EFFECT),
                IamError.MALFORMED_POLICY_DOCUMENT, BAD_EFFECT_MESSAGE);
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        expect(f.rootFails("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", BAD_EFFECT),
                IamError.MALFORMED_POLICY_DOCUMENT, BAD_EFFECT_MESSAGE);
    }

    @Test
    void trustPolicies() throws Exception {
        String notPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotPrincipal\":"
                + "{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        IamException e = f.rootFails("CreateRole", "RoleName", "other", "AssumeRolePolicyDocument", notPrincipal);
        assertThat(e.error()).isEqualTo(IamError.MALFORMED_POLICY_DOCUMENT);
        assertThat(e.getMessage()).endsWith(" (at /Statement/0/NotPrincipal)");
        e = f.rootFails("UpdateAssumeRolePolicy", "RoleName", "app", "PolicyDocument", notPrincipal);
        assertThat(e.getMessage()).endsWith(" (at /Statement/0/NotPrincipal)");
    }

    @Test
    void simulationInputs() throws Exception {
        expect(f.rootFails("SimulateCustomPolicy", "PolicyInputList.member.1", BAD_EFFECT, "ActionNames.member.1", "s3:x"),
                IamError.MALFORMED_POLICY_DOCUMENT, BAD_EFFECT_MESSAGE);
    }

    @Test
    void theMessageSaysWhatAndWhere() throws Exception {
        String unknown = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":{\"aws:username\":\"alice\"}}}]}";
        IamException e = f.rootFails("PutUserPolicy", "UserName", "alice", "PolicyName", "p", "PolicyDocument", unknown);
        assertThat(e.error()).isEqualTo(IamError.MALFORMED_POLICY_DOCUMENT);
        assertThat(e.getMessage()).contains("StringEqualz").endsWith(" (at /Statement/0/Condition/StringEqualz)");

        String extra = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\",\"Resources\":\"*\"}}";
        expect(f.rootFails("PutUserPolicy", "UserName", "alice", "PolicyName", "p", "PolicyDocument", extra),
                IamError.MALFORMED_POLICY_DOCUMENT, "unknown element \"Resources\" in statement (at /Statement/Resources)");

        e = f.rootFails("PutUserPolicy", "UserName", "alice", "PolicyName", "p", "PolicyDocument", "{\"Version\":");
        assertThat(e.error()).isEqualTo(IamError.MALFORMED_POLICY_DOCUMENT);
        assertThat(e.getMessage()).startsWith("invalid JSON: ");
    }

    @Test
    void aMissingDocumentIsAValidationErrorNotAMalformedOne() throws Exception {
        expect(f.rootFails("PutUserPolicy", "UserName", "alice", "PolicyName", "p"), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value null at 'policyDocument' failed to satisfy constraint: "
                        + "Member must not be null");
    }
}
