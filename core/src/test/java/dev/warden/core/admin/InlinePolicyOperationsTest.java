package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.expect;
import static dev.warden.core.admin.UserOperationsTest.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Principal;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Put/Get/Delete/List inline policies of users (PutUserPolicy, ...), groups and roles: AWS's answers. */
class InlinePolicyOperationsTest {

    /** Odd whitespace and non-ASCII text: what was put is what comes back. */
    private static final String ODD = "{ \"Version\" :\"2012-10-17\",\n\t\"Statement\":[ {\"Sid\":\"Cafe\",\n"
            + "  \"Effect\":\"Allow\" , \"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/\u65e5\u672c/*\"}]  }";

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static String nameParam(String noun) {
        return noun + "Name";
    }

    @ParameterizedTest
    @ValueSource(strings = {"User", "Group", "Role"})
    void putGetListDeleteAnInlinePolicy(String noun) throws Exception {
        f.createHolder(noun, "holder");
        String name = nameParam(noun);
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\","
                + "\"Resource\":\"*\"}]}";
        assertThat(f.root("Put" + noun + "Policy", name, "holder", "PolicyName", "Reads", "PolicyDocument", document)
                .isEmpty()).isTrue();

        ObjectNode got = f.root("Get" + noun + "Policy", name, "HOLDER", "PolicyName", "reads");
        assertThat(keys(got)).containsExactly(name, "PolicyName", "PolicyDocument");
        assertThat(got.get(name).asText()).isEqualTo("holder");
        assertThat(got.get("PolicyName").asText()).isEqualTo("Reads");
        assertThat(got.get("PolicyDocument").asText()).isEqualTo(document);

        f.root("Put" + noun + "Policy", name, "holder", "PolicyName", "Writes", "PolicyDocument", READ_OBJECTS);
        ObjectNode listed = f.root("List" + noun + "Policies", name, "holder");
        assertThat(keys(listed)).containsExactly("PolicyNames", "IsTruncated");
        assertThat(listed.get("PolicyNames")).extracting(n -> n.asText()).containsExactly("Reads", "Writes");

        assertThat(f.root("Delete" + noun + "Policy", name, "holder", "PolicyName", "READS").isEmpty()).isTrue();
        assertThat(f.root("List" + noun + "Policies", name, "holder").get("PolicyNames"))
                .extracting(n -> n.asText()).containsExactly("Writes");
        expect(f.rootFails("Get" + noun + "Policy", name, "holder", "PolicyName", "Reads"), IamError.NO_SUCH_ENTITY,
                "The " + noun.toLowerCase(Locale.ROOT) + " policy with name Reads cannot be found.");
        expect(f.rootFails("Delete" + noun + "Policy", name, "holder", "PolicyName", "Reads"), IamError.NO_SUCH_ENTITY,
                "The " + noun.toLowerCase(Locale.ROOT) + " policy with name Reads cannot be found.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"User", "Group", "Role"})
    void theDocumentComesBackByteForByte(String noun) throws Exception {
        f.createHolder(noun, "holder");
        f.root("Put" + noun + "Policy", nameParam(noun), "holder", "PolicyName", "odd", "PolicyDocument", ODD);
        assertThat(f.root("Get" + noun + "Policy", nameParam(noun), "holder", "PolicyName", "odd")
                .get("PolicyDocument").asText()).isEqualTo(ODD);
    }

    @Test
    void evenWhitespaceAroundTheDocumentComesBack() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        String padded = "\n  " + READ_OBJECTS + "\n\n";
        f.root("PutUserPolicy", "UserName", "alice", "PolicyName", "p", "PolicyDocument", padded);
        assertThat(f.root("GetUserPolicy", "UserName", "alice", "PolicyName", "p").get("PolicyDocument").asText())
                .isEqualTo(padded);
        assertThat(f.root("GetAccountAuthorizationDetails", "Filter.member.1", "User")
                .at("/UserDetailList/0/UserPolicyList/0/PolicyDocument").asText()).isEqualTo(padded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"User", "Group", "Role"})
    void puttingUnderAnExistingNameInAnyCaseReplacesThePolicy(String noun) throws Exception {
        f.createHolder(noun, "holder");
        f.root("Put" + noun + "Policy", nameParam(noun), "holder", "PolicyName", "Orders", "PolicyDocument", ODD);
        f.root("Put" + noun + "Policy", nameParam(noun), "holder", "PolicyName", "ORDERS", "PolicyDocument", READ_OBJECTS);
        assertThat(f.root("List" + noun + "Policies", nameParam(noun), "holder").get("PolicyNames"))
                .extracting(n -> n.asText()).containsExactly("Orders");
        assertThat(f.root("Get" + noun + "Policy", nameParam(noun), "holder", "PolicyName", "orders")
                .get("PolicyDocument").asText()).isEqualTo(READ_OBJECTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"User", "Group", "Role"})
    void anInlinePolicyIsAnIdentityPolicyAndMayNotNameAPrincipal(String noun) throws Exception {
        f.createHolder(noun, "holder");
        IamException e = f.rootFails("Put" + noun + "Policy", nameParam(noun), "holder", "PolicyName", "p",
                "PolicyDocument", IamFixture.TRUST_EC2);
        assertThat(e.error()).isEqualTo(IamError.MALFORMED_POLICY_DOCUMENT);
        assertThat(e.getMessage()).endsWith("(at /Statement/0/Principal)");
    }

    @Test
    void aUsersInlinePolicyTakesEffectAtOnceAndStopsWhenDeleted() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        AuthorizationRequest read = AuthorizationRequest.builder(Principal.of("arn:aws:iam::111122223333:user/alice"),
                "s3:GetObject", "arn:aws:s3:::b/k").build();
        f.root("PutUserPolicy", "UserName", "alice", "PolicyName", "p", "PolicyDocument", READ_OBJECTS);
        assertThat(f.warden.authorize(read).isAllowed()).isTrue();
        assertThat(f.warden.authorize(read).decidingStatements().get(0).policyName())
                .isEqualTo("inline policy p of user alice");
        f.root("DeleteUserPolicy", "UserName", "alice", "PolicyName", "p");
        assertThat(f.warden.authorize(read).isAllowed()).isFalse();
    }

    @Test
    void aGroupsInlinePolicyReachesItsMembers() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateGroup", "GroupName", "readers");
        f.root("PutGroupPolicy", "GroupName", "readers", "PolicyName", "p", "PolicyDocument", READ_OBJECTS);
        AuthorizationRequest read = AuthorizationRequest.builder(Principal.of("arn:aws:iam::111122223333:user/alice"),
                "s3:GetObject", "arn:aws:s3:::b/k").build();
        assertThat(f.warden.authorize(read).isAllowed()).isFalse();
        f.root("AddUserToGroup", "GroupName", "readers", "UserName", "alice");
        assertThat(f.warden.authorize(read).isAllowed()).isTrue();
    }
}
