package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static dev.warden.core.admin.IamFixture.expect;
import static dev.warden.core.admin.UserOperationsTest.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.IamError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SimulatePrincipalPolicy and SimulateCustomPolicy: AWS's result shape and decisions. */
class SimulationOperationsTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/eng/alice";
    private static final String DENY_PUT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    private static final String FROM_OFFICE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}}]}";

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
        f.userWithPolicy("alice", "/eng/", READ_OBJECTS);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void simulatePrincipalPolicyAnswersPerActionAndResource() throws Exception {
        ObjectNode out = f.root("SimulatePrincipalPolicy", "PolicySourceArn", ALICE, "ActionNames.member.1", "s3:GetObject",
                "ActionNames.member.2", "s3:PutObject", "ResourceArns.member.1", "arn:aws:s3:::b/k");
        assertThat(keys(out)).containsExactly("EvaluationResults", "IsTruncated");
        assertThat(out.get("EvaluationResults")).hasSize(2);

        JsonNode get = out.at("/EvaluationResults/0");
        assertThat(keys(get)).containsExactly("EvalActionName", "EvalResourceName", "EvalDecision", "MatchedStatements",
                "MissingContextValues");
        assertThat(get.get("EvalActionName").asText()).isEqualTo("s3:GetObject");
        assertThat(get.get("EvalResourceName").asText()).isEqualTo("arn:aws:s3:::b/k");
        assertThat(get.get("EvalDecision").asText()).isEqualTo("allowed");
        assertThat(get.at("/MatchedStatements/0/SourcePolicyId").asText()).isEqualTo("inline policy p of user alice");
        assertThat(get.at("/MatchedStatements/0/SourcePolicyType").asText()).isEqualTo("user");

        JsonNode put = out.at("/EvaluationResults/1");
        assertThat(put.get("EvalDecision").asText()).isEqualTo("implicitDeny");
        assertThat(put.get("MatchedStatements")).isEmpty();
        assertThat(out.get("IsTruncated").asBoolean()).isFalse();
    }

    @Test
    void aResourceDefaultsToEverything() throws Exception {
        ObjectNode out = f.root("SimulatePrincipalPolicy", "PolicySourceArn", ALICE, "ActionNames.member.1", "s3:GetObject");
        assertThat(out.at("/EvaluationResults/0/EvalResourceName").asText()).isEqualTo("*");
    }

    @Test
    void givenPoliciesAreAddedAndAnExplicitDenyWins() throws Exception {
        ObjectNode out = f.root("SimulatePrincipalPolicy", "PolicySourceArn", ALICE, "ActionNames.member.1", "s3:GetObject",
                "PolicyInputList.member.1", DENY_PUT);
        JsonNode result = out.at("/EvaluationResults/0");
        assertThat(result.get("EvalDecision").asText()).isEqualTo("explicitDeny");
        assertThat(result.at("/MatchedStatements/0/SourcePolicyId").asText()).isEqualTo("PolicyInputList.1");
        assertThat(result.at("/MatchedStatements/0/SourcePolicyType").asText()).isEqualTo("IAM Policy");
    }

    @Test
    void contextKeysThePoliciesTestAreReportedMissingUntilGiven() throws Exception {
        f.root("PutUserPolicy", "UserName", "alice", "PolicyName", "p", "PolicyDocument", FROM_OFFICE);
        JsonNode without = f.root("SimulatePrincipalPolicy", "PolicySourceArn", ALICE, "ActionNames.member.1",
                "s3:GetObject").at("/EvaluationResults/0");
        assertThat(without.get("EvalDecision").asText()).isEqualTo("implicitDeny");
        assertThat(without.get("MissingContextValues")).extracting(JsonNode::asText).containsExactly("aws:SourceIp");

        JsonNode with = f.root("SimulatePrincipalPolicy", "PolicySourceArn", ALICE, "ActionNames.member.1", "s3:GetObject",
                "ContextEntries.member.1.ContextKeyName", "aws:SourceIp", "ContextEntries.member.1.ContextKeyType", "ip",
                "ContextEntries.member.1.ContextKeyValues.member.1", "203.0.113.7").at("/EvaluationResults/0");
        assertThat(with.get("EvalDecision").asText()).isEqualTo("allowed");
        assertThat(with.get("MissingContextValues")).isEmpty();
    }

    @Test
    void aGroupIsSimulatedWithItsPolicies() throws Exception {
        f.root("CreateGroup", "GroupName", "readers", "Path", "/teams/");
        f.root("AttachGroupPolicy", "GroupName", "readers", "PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        JsonNode result = f.root("SimulatePrincipalPolicy", "PolicySourceArn",
                "arn:aws:iam::111122223333:group/teams/readers", "ActionNames.member.1", "s3:ListBucket")
                .at("/EvaluationResults/0");
        assertThat(result.get("EvalDecision").asText()).isEqualTo("allowed");
        assertThat(result.at("/MatchedStatements/0/SourcePolicyType").asText()).isEqualTo("aws-managed");
        assertThat(result.at("/MatchedStatements/0/SourcePolicyId").asText())
                .isEqualTo("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
    }

    @Test
    void aRolesBoundaryIsReportedInTheDecisionDetail() throws Exception {
        String boundary = f.createPolicy("OnlyPut", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}]}");
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2, "PermissionsBoundary", boundary);
        f.root("PutRolePolicy", "RoleName", "app", "PolicyName", "reads", "PolicyDocument", READ_OBJECTS);
        JsonNode result = f.root("SimulatePrincipalPolicy", "PolicySourceArn", "arn:aws:iam::111122223333:role/app",
                "ActionNames.member.1", "s3:GetObject").at("/EvaluationResults/0");
        assertThat(result.get("EvalDecision").asText()).isEqualTo("implicitDeny");
        assertThat(result.at("/PermissionsBoundaryDecisionDetail/AllowedByPermissionsBoundary").asBoolean()).isFalse();
    }

    @Test
    void aResourcePolicyIsReportedSeparately() throws Exception {
        String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + ALICE + "\"},\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
        JsonNode result = f.root("SimulatePrincipalPolicy", "PolicySourceArn", ALICE, "ActionNames.member.1",
                "s3:PutObject", "ResourceArns.member.1", "arn:aws:s3:::b/k", "ResourcePolicy", bucketPolicy)
                .at("/EvaluationResults/0");
        assertThat(result.get("EvalDecision").asText()).isEqualTo("allowed");
        assertThat(result.at("/EvalDecisionDetails/IAM Policy").asText()).isEqualTo("implicitDeny");
        assertThat(result.at("/EvalDecisionDetails/Resource Policy").asText()).isEqualTo("allowed");
    }

    @Test
    void simulatePrincipalPolicyNeedsAUserGroupOrRoleThatExists() throws Exception {
        expect(f.rootFails("SimulatePrincipalPolicy", "PolicySourceArn", "arn:aws:iam::111122223333:user/eng/nobody",
                "ActionNames.member.1", "s3:GetObject"), IamError.NO_SUCH_ENTITY, "The user with name nobody cannot be found.");
        expect(f.rootFails("SimulatePrincipalPolicy", "PolicySourceArn", "arn:aws:iam::111122223333:group/none",
                "ActionNames.member.1", "s3:GetObject"), IamError.NO_SUCH_ENTITY, "The group with name none cannot be found.");
        expect(f.rootFails("SimulatePrincipalPolicy", "ActionNames.member.1", "s3:GetObject"), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value null at 'policySourceArn' failed to satisfy constraint: Member must not be null");
        expect(f.rootFails("SimulatePrincipalPolicy", "PolicySourceArn", ALICE), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void simulateCustomPolicyUsesOnlyTheGivenPolicies() throws Exception {
        ObjectNode out = f.root("SimulateCustomPolicy", "PolicyInputList.member.1", READ_OBJECTS,
                "ActionNames.member.1", "s3:GetObject", "ActionNames.member.2", "s3:DeleteObject");
        assertThat(keys(out)).containsExactly("EvaluationResults", "IsTruncated");
        assertThat(out.findValuesAsText("EvalDecision")).containsExactly("allowed", "implicitDeny");
        assertThat(out.at("/EvaluationResults/0/MatchedStatements/0/SourcePolicyId").asText())
                .isEqualTo("PolicyInputList.1");

        JsonNode capped = f.root("SimulateCustomPolicy", "PolicyInputList.member.1", READ_OBJECTS,
                "PermissionsBoundaryPolicyInputList.member.1", DENY_PUT, "ActionNames.member.1", "s3:GetObject")
                .at("/EvaluationResults/0");
        assertThat(capped.get("EvalDecision").asText()).isEqualTo("explicitDeny");
    }

    @Test
    void simulateCustomPolicyNeedsPoliciesAndActions() throws Exception {
        expect(f.rootFails("SimulateCustomPolicy", "ActionNames.member.1", "s3:GetObject"), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value null at 'policyInputList' failed to satisfy constraint: "
                        + "Member must not be null");
        expect(f.rootFails("SimulateCustomPolicy", "PolicyInputList.member.1", READ_OBJECTS), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: "
                        + "Member must not be null");
        IamFixture.expect(f.rootFails("SimulateCustomPolicy", "PolicyInputList.member.1", READ_OBJECTS,
                "ActionNames.member.1", "GetObject"), IamError.INVALID_INPUT, "Invalid action name GetObject");
    }
}
