package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static dev.warden.core.admin.IamFixture.expect;
import static dev.warden.core.admin.UserOperationsTest.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CreateRole, GetRole, UpdateRole, DeleteRole, ListRoles, UpdateAssumeRolePolicy, TagRole, UntagRole, ListRoleTags:
 * AWS's answers.
 */
class RoleOperationsTest {

    private static final String TRUST_LAMBDA = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]\n}";

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
    void createRoleAnswersWithTheRoleInAwsShapeAndTheTrustPolicyVerbatim() throws Exception {
        String boundary = f.createPolicy("Boundary", READ_OBJECTS);
        ObjectNode out = f.root("CreateRole", "RoleName", "app", "Path", "/svc/", "AssumeRolePolicyDocument", TRUST_LAMBDA,
                "Description", "runs the app", "MaxSessionDuration", "7200", "PermissionsBoundary", boundary,
                "Tags.member.1.Key", "env", "Tags.member.1.Value", "prod");
        assertThat(keys(out)).containsExactly("Role");
        JsonNode role = out.get("Role");
        assertThat(keys(role)).containsExactlyInAnyOrder("Path", "RoleName", "RoleId", "Arn", "CreateDate",
                "AssumeRolePolicyDocument", "Description", "MaxSessionDuration", "PermissionsBoundary", "Tags");
        assertThat(role.get("RoleId").asText()).matches("AROA[A-Z2-7]{16}");
        assertThat(role.get("Arn").asText()).isEqualTo("arn:aws:iam::111122223333:role/svc/app");
        assertThat(role.get("AssumeRolePolicyDocument").asText()).isEqualTo(TRUST_LAMBDA);
        assertThat(role.get("Description").asText()).isEqualTo("runs the app");
        assertThat(role.get("MaxSessionDuration").asInt()).isEqualTo(7200);
        assertThat(role.at("/PermissionsBoundary/PermissionsBoundaryArn").asText()).isEqualTo(boundary);
        assertThat(role.at("/Tags/0/Key").asText()).isEqualTo("env");
    }

    @Test
    void aRoleSessionLastsAnHourUnlessToldOtherwise() throws Exception {
        JsonNode role = f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2).get("Role");
        assertThat(role.get("MaxSessionDuration").asInt()).isEqualTo(3600);
        assertThat(keys(role)).doesNotContain("Description", "PermissionsBoundary", "Tags");
    }

    @Test
    void getRoleReturnsWhatCreateRoleReturned() throws Exception {
        JsonNode created = f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2).get("Role");
        ObjectNode got = f.root("GetRole", "RoleName", "APP");
        assertThat(keys(got)).containsExactly("Role");
        assertThat(got.get("Role")).isEqualTo(created);
    }

    @Test
    void updateRoleChangesDescriptionAndSessionDurationOnly() throws Exception {
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2, "Description", "old");
        assertThat(f.root("UpdateRole", "RoleName", "app", "MaxSessionDuration", "43200").isEmpty()).isTrue();
        JsonNode role = f.root("GetRole", "RoleName", "app").get("Role");
        assertThat(role.get("Description").asText()).isEqualTo("old");
        assertThat(role.get("MaxSessionDuration").asInt()).isEqualTo(43200);

        f.root("UpdateRole", "RoleName", "app", "Description", "new");
        role = f.root("GetRole", "RoleName", "app").get("Role");
        assertThat(role.get("Description").asText()).isEqualTo("new");
        assertThat(role.get("MaxSessionDuration").asInt()).isEqualTo(43200);
    }

    @Test
    void aSessionDurationOutsideOneToTwelveHoursIsAValidationError() throws Exception {
        expect(f.rootFails("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2,
                "MaxSessionDuration", "3599"), IamError.VALIDATION_ERROR, "1 validation error detected: Value '3599' at "
                + "'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200");
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
        expect(f.rootFails("UpdateRole", "RoleName", "app", "MaxSessionDuration", "43201"), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy constraint: "
                        + "Member must have value between 3600 and 43200");
    }

    @Test
    void deleteRoleAnswersEmptyAndTheRoleIsGone() throws Exception {
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
        assertThat(f.root("DeleteRole", "RoleName", "app").isEmpty()).isTrue();
        expect(f.rootFails("GetRole", "RoleName", "app"), IamError.NO_SUCH_ENTITY,
                "The role with name app cannot be found.");
    }

    @Test
    void deleteRoleWithAPermissionsBoundaryIsAllowed() throws Exception {
        String boundary = f.createPolicy("Boundary", READ_OBJECTS);
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2, "PermissionsBoundary", boundary);
        assertThat(f.root("DeleteRole", "RoleName", "app").isEmpty()).isTrue();
    }

    @Test
    void listRolesSortsFiltersByPathAndKeepsTheTrustPolicyButNotBoundaryOrTags() throws Exception {
        String boundary = f.createPolicy("Boundary", READ_OBJECTS);
        f.root("CreateRole", "RoleName", "worker", "Path", "/svc/", "AssumeRolePolicyDocument", TRUST_EC2,
                "PermissionsBoundary", boundary, "Tags.member.1.Key", "k", "Tags.member.1.Value", "v");
        f.root("CreateRole", "RoleName", "App", "Path", "/svc/", "AssumeRolePolicyDocument", TRUST_LAMBDA);
        f.root("CreateRole", "RoleName", "admin", "AssumeRolePolicyDocument", TRUST_EC2);

        ObjectNode all = f.root("ListRoles");
        assertThat(keys(all)).containsExactly("Roles", "IsTruncated");
        assertThat(all.findValuesAsText("RoleName")).containsExactly("admin", "App", "worker");
        for (JsonNode role : all.get("Roles")) {
            assertThat(keys(role)).containsExactly("Path", "RoleName", "RoleId", "Arn", "CreateDate",
                    "AssumeRolePolicyDocument", "MaxSessionDuration");
        }
        assertThat(all.at("/Roles/1/AssumeRolePolicyDocument").asText()).isEqualTo(TRUST_LAMBDA);
        assertThat(f.root("ListRoles", "PathPrefix", "/svc/").findValuesAsText("RoleName")).containsExactly("App", "worker");
    }

    @Test
    void updateAssumeRolePolicyReplacesWhoMayAssumeTheRole() throws Exception {
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
        String roleArn = "arn:aws:iam::111122223333:role/app";
        AuthorizationRequest byLambda = AuthorizationRequest.builder(Principal.of("lambda.amazonaws.com"),
                "sts:AssumeRole", roleArn).build();
        assertThat(f.warden.authorize(byLambda).isAllowed()).isFalse();

        assertThat(f.root("UpdateAssumeRolePolicy", "RoleName", "app", "PolicyDocument", TRUST_LAMBDA).isEmpty()).isTrue();
        assertThat(f.root("GetRole", "RoleName", "app").at("/Role/AssumeRolePolicyDocument").asText())
                .isEqualTo(TRUST_LAMBDA);
        assertThat(f.warden.authorize(byLambda).isAllowed()).isTrue();
    }

    @Test
    void theTrustPolicyIsValidatedAsOne() throws Exception {
        IamException e = f.rootFails("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", READ_OBJECTS);
        assertThat(e.error()).isEqualTo(IamError.MALFORMED_POLICY_DOCUMENT);
        assertThat(e.getMessage()).isEqualTo("a role trust policy statement must have a Principal or NotPrincipal"
                + " (at /Statement/0)");
    }

    @Test
    void tagRoleUntagRoleAndListRoleTags() throws Exception {
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
        assertThat(f.root("TagRole", "RoleName", "app", "Tags.member.1.Key", "team", "Tags.member.1.Value", "web",
                "Tags.member.2.Key", "env", "Tags.member.2.Value", "prod").isEmpty()).isTrue();
        ObjectNode tags = f.root("ListRoleTags", "RoleName", "app");
        assertThat(keys(tags)).containsExactly("Tags", "IsTruncated");
        assertThat(tags.findValuesAsText("Key")).as("sorted by key").containsExactly("env", "team");

        assertThat(f.root("UntagRole", "RoleName", "app", "TagKeys.member.1", "ENV").isEmpty()).isTrue();
        assertThat(f.root("ListRoleTags", "RoleName", "app").findValuesAsText("Key")).containsExactly("team");
        assertThat(f.root("GetRole", "RoleName", "app").at("/Role/Tags/0/Value").asText()).isEqualTo("web");
    }
}
