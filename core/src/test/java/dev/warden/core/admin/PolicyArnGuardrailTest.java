package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code iam:PolicyARN} is the managed policy an Attach*Policy or Detach*Policy call names, so AWS's guardrails on it
 * ("deny attaching AdministratorAccess", "attach only these policies") refuse exactly the calls they name.
 */
class PolicyArnGuardrailTest {

    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String IAM_READ = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
    private static final String S3_READ = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

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
    void aDenyOnAdministratorAccessRefusesAttachingItAndNothingElse() throws Exception {
        Principal admin = f.userWithPolicy("delegate", "/", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"iam:Attach*\",\"iam:Detach*\"],\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":[\"iam:AttachUserPolicy\",\"iam:AttachGroupPolicy\","
                + "\"iam:AttachRolePolicy\"],\"Resource\":\"*\",\"Condition\":{\"ArnEquals\":"
                + "{\"iam:PolicyARN\":\"" + ADMIN + "\"}}}]}");

        for (String[] holder : new String[][] {{"User", "alice"}, {"Group", "devs"}, {"Role", "app"}}) {
            String attach = "Attach" + holder[0] + "Policy";
            IamException e = f.fails(admin, attach, holder[0] + "Name", holder[1], "PolicyArn", ADMIN);
            assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
            assertThat(e.getMessage()).contains("iam:" + attach)
                    .endsWith("with an explicit deny in an identity-based policy");
            f.as(admin, attach, holder[0] + "Name", holder[1], "PolicyArn", IAM_READ);
            f.as(admin, "Detach" + holder[0] + "Policy", holder[0] + "Name", holder[1], "PolicyArn", IAM_READ);
        }
        assertThat(f.root("ListAttachedUserPolicies", "UserName", "alice").findValuesAsText("PolicyArn")).isEmpty();
    }

    @Test
    void anAllowListOfPoliciesLetsOnlyThoseBeAttachedAndDetached() throws Exception {
        // the key's name in any case, as condition keys are case-insensitive
        Principal admin = f.userWithPolicy("delegate", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":[\"iam:AttachRolePolicy\",\"iam:DetachRolePolicy\"],"
                + "\"Resource\":\"arn:aws:iam::111122223333:role/*\",\"Condition\":{\"ArnLike\":"
                + "{\"IAM:policyarn\":[\"" + IAM_READ + "\",\"arn:aws:iam::111122223333:policy/team/*\"]}}}]}");
        String teamPolicy = f.root("CreatePolicy", "PolicyName", "Reads", "Path", "/team/", "PolicyDocument",
                IamFixture.READ_OBJECTS).at("/Policy/Arn").asText();

        f.as(admin, "AttachRolePolicy", "RoleName", "app", "PolicyArn", IAM_READ);
        f.as(admin, "AttachRolePolicy", "RoleName", "app", "PolicyArn", teamPolicy);
        IamException e = f.fails(admin, "AttachRolePolicy", "RoleName", "app", "PolicyArn", ADMIN);
        assertThat(e.getMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/delegate is not authorized to "
                + "perform: iam:AttachRolePolicy on resource: arn:aws:iam::111122223333:role/app because no "
                + "identity-based policy allows the iam:AttachRolePolicy action");
        f.root("AttachRolePolicy", "RoleName", "app", "PolicyArn", S3_READ);
        assertThat(f.fails(admin, "DetachRolePolicy", "RoleName", "app", "PolicyArn", S3_READ).error())
                .isEqualTo(IamError.ACCESS_DENIED);
        f.as(admin, "DetachRolePolicy", "RoleName", "app", "PolicyArn", IAM_READ);
        assertThat(f.root("ListAttachedRolePolicies", "RoleName", "app").findValuesAsText("PolicyArn"))
                .containsExactlyInAnyOrder(teamPolicy, S3_READ);
    }

    @Test
    void theKeyIsAbsentWhereNoManagedPolicyIsAttachedSoAnAllowOnItGrantsNothingElse() throws Exception {
        Principal admin = f.userWithPolicy("delegate", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\",\"Condition\":{\"ArnEquals\":"
                + "{\"iam:PolicyARN\":\"" + IAM_READ + "\"}}}]}");

        f.as(admin, "AttachUserPolicy", "UserName", "alice", "PolicyArn", IAM_READ);
        assertThat(f.fails(admin, "PutUserPolicy", "UserName", "alice", "PolicyName", "p", "PolicyDocument",
                IamFixture.READ_OBJECTS).error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.fails(admin, "GetPolicy", "PolicyArn", IAM_READ).error()).isEqualTo(IamError.ACCESS_DENIED);
    }
}
