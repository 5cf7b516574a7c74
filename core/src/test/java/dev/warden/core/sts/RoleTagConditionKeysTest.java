package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static dev.warden.core.sts.StsFixture.allow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.Caller;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The role a request names brings its tags, as {@code aws:ResourceTag/KEY} and {@code iam:ResourceTag/KEY}, to the
 * authorization of AssumeRole, TagSession, SetSourceIdentity, AssumeRoleWithWebIdentity and PassRole (the role
 * resource's keys in AWS's Service Authorization Reference); PassRole also carries {@code iam:AssociatedResourceArn}
 * when the resource the role will act for is known.
 */
class RoleTagConditionKeysTest {

    private static final String TRUST_ACCOUNT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":[\"sts:AssumeRole\","
            + "\"sts:TagSession\",\"sts:SetSourceIdentity\"]}]}";
    private static final String READ = allow("s3:GetObject", "*");

    private StsFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new StsFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    /** A user tagged {@code project=PROJECT}, with {@code policy}, signing with an access key. */
    private CallerCredential user(String name, String project, String policy) throws Exception {
        f.iam(ACCOUNT, "CreateUser", "UserName", name, "Tags.member.1.Key", "project", "Tags.member.1.Value", project);
        f.iam(ACCOUNT, "PutUserPolicy", "UserName", name, "PolicyName", "p", "PolicyDocument", policy);
        ObjectNode key = f.iam(ACCOUNT, "CreateAccessKey", "UserName", name);
        return f.resolve(key.at("/AccessKey/AccessKeyId").asText(), null);
    }

    /** Role {@code name}, trusting the account, tagged {@code KEY=VALUE} (none when {@code key} is null). */
    private String role(String name, String key, String value) throws Exception {
        String arn = f.role(ACCOUNT, name, TRUST_ACCOUNT, READ);
        if (key != null) {
            f.iam(ACCOUNT, "TagRole", "RoleName", name, "Tags.member.1.Key", key, "Tags.member.1.Value", value);
        }
        return arn;
    }

    @Test
    void aUserAssumesOnlyTheRolesTaggedForItsProject() throws Exception {
        // AWS's attribute-based access control tutorial: the role's tag must match the caller's
        CallerCredential alice = user("alice", "blue", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"iam:ResourceTag/project\":\"${aws:PrincipalTag/project}\"}}}]}");
        String blue = role("blue-app", "project", "blue");
        String red = role("red-app", "project", "red");
        String untagged = role("plain", null, null);

        assertThat(f.sts(alice, "AssumeRole", "RoleArn", blue, "RoleSessionName", "s1").has("Credentials")).isTrue();
        IamException denied = f.stsFails(alice, "AssumeRole", "RoleArn", red, "RoleSessionName", "s1");
        assertThat(denied.getMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/alice is not authorized to "
                + "perform: sts:AssumeRole on resource: " + red + " because no identity-based policy allows the "
                + "sts:AssumeRole action");
        assertThat(f.stsFails(alice, "AssumeRole", "RoleArn", untagged, "RoleSessionName", "s1").error())
                .isEqualTo(IamError.ACCESS_DENIED);
    }

    @Test
    void aDenyOnPrivilegedRolesStopsAssumingTaggingAndSettingASourceIdentityOnThem() throws Exception {
        CallerCredential alice = user("alice", "blue", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"sts:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":[\"sts:TagSession\",\"sts:SetSourceIdentity\"],\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/privileged\":\"true\"}}},"
                + "{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\",\"Condition\":"
                + "{\"StringEquals\":{\"aws:ResourceTag/privileged\":\"locked\"}}}]}");
        String privileged = role("privileged", "privileged", "true");
        String locked = role("locked", "privileged", "locked");
        String ordinary = role("ordinary", "privileged", "false");

        assertThat(f.sts(alice, "AssumeRole", "RoleArn", privileged, "RoleSessionName", "s1").has("Credentials"))
                .isTrue();
        assertThat(f.stsFails(alice, "AssumeRole", "RoleArn", privileged, "RoleSessionName", "s1",
                "Tags.member.1.Key", "k", "Tags.member.1.Value", "v").getMessage()).contains("sts:TagSession")
                .endsWith("with an explicit deny in an identity-based policy");
        assertThat(f.stsFails(alice, "AssumeRole", "RoleArn", privileged, "RoleSessionName", "s1",
                "SourceIdentity", "alice").getMessage()).contains("sts:SetSourceIdentity");
        assertThat(f.stsFails(alice, "AssumeRole", "RoleArn", locked, "RoleSessionName", "s1").getMessage())
                .contains("sts:AssumeRole").endsWith("with an explicit deny in an identity-based policy");
        assertThat(f.sts(alice, "AssumeRole", "RoleArn", ordinary, "RoleSessionName", "s1", "Tags.member.1.Key", "k",
                "Tags.member.1.Value", "v", "SourceIdentity", "alice").at("/SourceIdentity").asText())
                .isEqualTo("alice");
    }

    @Test
    void aTrustPolicyCanRequireATagOfItsOwnRole() throws Exception {
        CallerCredential alice = user("alice", "blue", allow("sts:AssumeRole", "*"));
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::111122223333:user/alice\"},\"Action\":\"sts:AssumeRole\",\"Condition\":"
                + "{\"StringEquals\":{\"aws:ResourceTag/open\":\"yes\"}}}]}";
        String role = f.role(ACCOUNT, "gated", trust, READ);

        assertThat(f.stsFails(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s1").error())
                .isEqualTo(IamError.ACCESS_DENIED);
        f.iam(ACCOUNT, "TagRole", "RoleName", "gated", "Tags.member.1.Key", "open", "Tags.member.1.Value", "yes");
        assertThat(f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s1").has("Credentials")).isTrue();
    }

    @Test
    void passingARoleIsGuardedByItsTagsTheServiceAndTheResourceItWillActFor() throws Exception {
        CallerCredential deployer = user("deployer", "blue", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\",\"Condition\":{"
                + "\"StringEquals\":{\"iam:PassedToService\":\"lambda.amazonaws.com\","
                + "\"iam:ResourceTag/project\":\"${aws:PrincipalTag/project}\"},"
                + "\"ArnLike\":{\"iam:AssociatedResourceARN\":"
                + "\"arn:aws:lambda:us-east-1:111122223333:function:blue-*\"}}}]}");
        String blue = role("blue-fn", "project", "blue");
        String red = role("red-fn", "project", "red");
        Caller caller = deployer.caller();
        PassRole passRole = f.warden.passRole();
        String blueFunction = "arn:aws:lambda:us-east-1:111122223333:function:blue-report";

        passRole.check(caller, blue, "lambda.amazonaws.com", blueFunction);
        assertThatThrownBy(() -> passRole.check(caller, red, "lambda.amazonaws.com", blueFunction))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.getMessage()).isEqualTo("User: "
                        + "arn:aws:iam::111122223333:user/deployer is not authorized to perform: iam:PassRole on "
                        + "resource: " + red + " because no identity-based policy allows the iam:PassRole action"));
        assertThatThrownBy(() -> passRole.check(caller, blue, "lambda.amazonaws.com",
                "arn:aws:lambda:us-east-1:111122223333:function:red-report")).isInstanceOf(IamException.class);
        assertThatThrownBy(() -> passRole.check(caller, blue, "lambda.amazonaws.com"))
                .isInstanceOf(IamException.class);
        assertThatThrownBy(() -> passRole.check(caller, blue, "ec2.amazonaws.com", blueFunction))
                .isInstanceOf(IamException.class);
    }

    @Test
    void aServiceAssumingAWorkloadRoleSeesTheRolesTags() throws Exception {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":"
                + "{\"iam:ResourceTag/workload\":\"reports\"}}}]}";
        String role = f.role(ACCOUNT, "reports-task", trust, READ);
        WorkloadSessions workloads = f.warden.workloads();

        assertThatThrownBy(() -> workloads.credentials("ecs-tasks.amazonaws.com", role, "reports", 900))
                .isInstanceOf(IamException.class);
        f.iam(ACCOUNT, "TagRole", "RoleName", "reports-task", "Tags.member.1.Key", "workload", "Tags.member.1.Value",
                "reports");
        assertThat(workloads.credentials("ecs-tasks.amazonaws.com", role, "reports", 900).accessKeyId())
                .startsWith("ASIA");
    }

    @Test
    void aWebIdentityTrustPolicyCanRequireATagOfItsOwnRole() throws Exception {
        TestIdentityProvider idp = new TestIdentityProvider();
        f.iam(ACCOUNT, "CreateOpenIDConnectProvider", "Url", TestIdentityProvider.ISSUER, "ClientIDList.member.1",
                "app", "Jwks", idp.jwks());
        String role = f.role(ACCOUNT, "web", AssumeRoleWithWebIdentityTest.trust(
                "arn:aws:iam::111122223333:oidc-provider/" + TestIdentityProvider.HOST,
                "{\"StringEquals\":{\"iam:ResourceTag/federation\":\"on\"}}"), READ);
        String token = idp.rs256(TestIdentityProvider.claims(f.clock.instant(), "user-42").build());
        Caller anonymous = Caller.of(Principal.anonymous());
        var params = StsFixture.params("RoleArn", role, "RoleSessionName", "web", "WebIdentityToken", token);

        assertThatThrownBy(() -> f.warden.sts().call(anonymous, null, "AssumeRoleWithWebIdentity", params))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED));
        f.iam(ACCOUNT, "TagRole", "RoleName", "web", "Tags.member.1.Key", "federation", "Tags.member.1.Value", "on");
        assertThat(f.warden.sts().call(anonymous, null, "AssumeRoleWithWebIdentity", params).has("Credentials"))
                .isTrue();
    }
}
