package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IAM calls carry AWS's tag keys: {@code aws:RequestTag/KEY} and {@code aws:TagKeys} for the tags a Create* or Tag*
 * call sets, {@code aws:TagKeys} for the keys an Untag* call removes, and the target's tags as
 * {@code aws:ResourceTag/KEY} (and, for users and roles, {@code iam:ResourceTag/KEY}), so tag-based guardrails hold.
 */
class TagConditionKeysGuardrailTest {

    private static final String A = "arn:aws:iam::111122223333:";

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static String[] tag(String key, String value) {
        return new String[] {"Tags.member.1.Key", key, "Tags.member.1.Value", value};
    }

    private static String[] role(String name, String... more) {
        return IamFixture.with(new String[] {"RoleName", name, "AssumeRolePolicyDocument", TRUST_EC2}, more);
    }

    @Test
    void rolesAreCreatedOnlyWithTheRequiredTagsAndNoOthers() throws Exception {
        Principal creator = f.userWithPolicy("creator", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":[\"iam:CreateRole\",\"iam:TagRole\"],\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:RequestTag/team\":\"blue\"},"
                + "\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"env\"]}}}]}");

        f.as(creator, "CreateRole", role("blue", IamFixture.with(tag("team", "blue"),
                "Tags.member.2.Key", "env", "Tags.member.2.Value", "prod")));
        assertThat(f.root("ListRoleTags", "RoleName", "blue").findValuesAsText("Key")).containsExactly("env", "team");
        IamException red = f.fails(creator, "CreateRole", role("red", tag("team", "red")));
        assertThat(red.getMessage()).contains("iam:CreateRole on resource: " + A + "role/red ");
        assertThat(f.fails(creator, "CreateRole", role("untagged")).error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.fails(creator, "CreateRole", role("extra", IamFixture.with(tag("team", "blue"),
                "Tags.member.2.Key", "owner", "Tags.member.2.Value", "me"))).error()).isEqualTo(IamError.ACCESS_DENIED);
    }

    @Test
    void aRequiredTagOnNewPoliciesAndProvidersIsEnforced() throws Exception {
        Principal creator = f.userWithPolicy("creator", "/", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":[\"iam:CreatePolicy\",\"iam:CreateOpenIDConnectProvider\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"Null\":{\"aws:RequestTag/owner\":\"true\"}}}]}");

        f.as(creator, "CreatePolicy", IamFixture.with(new String[] {"PolicyName", "Owned", "PolicyDocument",
                READ_OBJECTS}, tag("owner", "me")));
        assertThat(f.fails(creator, "CreatePolicy", "PolicyName", "Orphan", "PolicyDocument", READ_OBJECTS)
                .getMessage()).endsWith("with an explicit deny in an identity-based policy");
        f.as(creator, "CreateOpenIDConnectProvider", IamFixture.with(new String[] {"Url", "https://idp.example.com"},
                tag("owner", "me")));
        assertThat(f.fails(creator, "CreateOpenIDConnectProvider", "Url", "https://other.example.com").error())
                .isEqualTo(IamError.ACCESS_DENIED);
    }

    @Test
    void aProtectedTagKeyCannotBeChangedOrRemoved() throws Exception {
        Principal tagger = f.userWithPolicy("tagger", "/", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"iam:Tag*\",\"iam:Untag*\"],\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":[\"iam:Tag*\",\"iam:Untag*\"],\"Resource\":\"*\",\"Condition\":"
                + "{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":\"protected\"}}}]}");
        f.root("CreateUser", IamFixture.with(new String[] {"UserName", "alice"}, tag("protected", "yes")));
        String policy = f.createPolicy("Reads", READ_OBJECTS);

        f.as(tagger, "TagUser", IamFixture.with(new String[] {"UserName", "alice"}, tag("team", "blue")));
        f.as(tagger, "UntagUser", "UserName", "alice", "TagKeys.member.1", "team");
        assertThat(f.fails(tagger, "UntagUser", "UserName", "alice", "TagKeys.member.1", "team",
                "TagKeys.member.2", "protected").error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.fails(tagger, "TagUser", IamFixture.with(new String[] {"UserName", "alice"},
                tag("protected", "no"))).error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.fails(tagger, "TagPolicy", IamFixture.with(new String[] {"PolicyArn", policy},
                tag("protected", "no"))).error()).isEqualTo(IamError.ACCESS_DENIED);
        f.as(tagger, "TagPolicy", IamFixture.with(new String[] {"PolicyArn", policy}, tag("team", "blue")));
    }

    @Test
    void onlyUsersTaggedTerminatedCanBeDeleted() throws Exception {
        // AWS's example for iam:ResourceTag (IAM User Guide, "IAM and AWS STS condition context keys")
        Principal cleaner = f.userWithPolicy("cleaner", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"iam:DeleteUser\",\"Resource\":\"*\",\"Condition\":"
                + "{\"StringEquals\":{\"iam:ResourceTag/status\":\"terminated\"}}}]}");
        f.root("CreateUser", IamFixture.with(new String[] {"UserName", "gone"}, tag("status", "terminated")));
        f.root("CreateUser", IamFixture.with(new String[] {"UserName", "active"}, tag("status", "active")));
        f.root("CreateUser", "UserName", "untagged");

        f.as(cleaner, "DeleteUser", "UserName", "gone");
        assertThat(f.fails(cleaner, "DeleteUser", "UserName", "active").getMessage())
                .contains("iam:DeleteUser on resource: " + A + "user/active ");
        assertThat(f.fails(cleaner, "DeleteUser", "UserName", "untagged").error()).isEqualTo(IamError.ACCESS_DENIED);
    }

    @Test
    void theTargetsTagsGuardEveryCallOnIt() throws Exception {
        Principal operator = f.userWithPolicy("operator", "/", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\",\"Condition\":"
                + "{\"StringEquals\":{\"aws:ResourceTag/locked\":\"true\"}}}]}");
        f.root("CreateRole", role("locked", tag("locked", "true")));
        f.root("CreateRole", role("open", tag("locked", "false")));
        String lockedPolicy = f.root("CreatePolicy", IamFixture.with(new String[] {"PolicyName", "Locked",
                "PolicyDocument", READ_OBJECTS}, tag("LOCKED", "true"))).at("/Policy/Arn").asText();
        f.root("CreateOpenIDConnectProvider", IamFixture.with(new String[] {"Url", "https://idp.example.com"},
                tag("locked", "true")));

        for (String[] call : new String[][] {
                {"PutRolePolicy", "RoleName", "locked", "PolicyName", "p", "PolicyDocument", READ_OBJECTS},
                {"UpdateAssumeRolePolicy", "RoleName", "locked", "PolicyDocument", TRUST_EC2},
                {"GetRole", "RoleName", "locked"},
                {"DeleteRole", "RoleName", "locked"},
                {"CreatePolicyVersion", "PolicyArn", lockedPolicy, "PolicyDocument", READ_OBJECTS},
                {"DeletePolicy", "PolicyArn", lockedPolicy},
                {"GetOpenIDConnectProvider", "OpenIDConnectProviderArn", A + "oidc-provider/idp.example.com"},
                {"DeleteOpenIDConnectProvider", "OpenIDConnectProviderArn", A + "oidc-provider/idp.example.com"}}) {
            IamException e = f.fails(operator, call[0], java.util.Arrays.copyOfRange(call, 1, call.length));
            assertThat(e.getMessage()).as(call[0]).endsWith("with an explicit deny in an identity-based policy");
        }
        f.as(operator, "PutRolePolicy", "RoleName", "open", "PolicyName", "p", "PolicyDocument", READ_OBJECTS);
        f.as(operator, "GetRole", "RoleName", "open");
    }
}
