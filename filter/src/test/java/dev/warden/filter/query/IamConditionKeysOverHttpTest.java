package dev.warden.filter.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * AWS's IAM guardrails on {@code iam:PolicyARN}, {@code iam:PermissionsBoundary}, {@code aws:RequestTag/KEY} and
 * {@code iam:ResourceTag/KEY}, through the Query endpoint with the unmodified AWS SDK for Java v2 IAM client.
 */
class IamConditionKeysOverHttpTest {

    private static final String A = "arn:aws:iam::111122223333:";
    private static final String BOUNDARY = A + "policy/Boundary";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String IAM_READ = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
    private static final String DELEGATE = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":[\"iam:CreateUser\",\"iam:PutUserPermissionsBoundary\","
            + "\"iam:AttachUserPolicy\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
            + "{\"iam:PermissionsBoundary\":\"" + BOUNDARY + "\"}}},"
            + "{\"Effect\":\"Allow\",\"Action\":[\"iam:CreateRole\",\"iam:TagRole\"],\"Resource\":\"*\","
            + "\"Condition\":{\"StringEquals\":{\"aws:RequestTag/team\":\"blue\"}}},"
            + "{\"Effect\":\"Allow\",\"Action\":\"iam:DeleteUser\",\"Resource\":\"*\",\"Condition\":"
            + "{\"StringEquals\":{\"iam:ResourceTag/status\":\"terminated\"}}},"
            + "{\"Effect\":\"Deny\",\"Action\":\"iam:AttachUserPolicy\",\"Resource\":\"*\",\"Condition\":"
            + "{\"ArnEquals\":{\"iam:PolicyARN\":\"" + ADMIN + "\"}}},"
            + "{\"Effect\":\"Deny\",\"Action\":\"iam:DeleteUserPermissionsBoundary\",\"Resource\":\"*\"}]}";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private static QueryEndpointServer server;
    private static IamClient delegate;

    @BeforeAll
    static void start() throws Exception {
        server = new QueryEndpointServer();
        server.root("CreatePolicy", Map.of("PolicyName", "Boundary", "PolicyDocument", DELEGATE));
        server.root("CreateUser", Map.of("UserName", "delegate"));
        server.root("PutUserPolicy", Map.of("UserName", "delegate", "PolicyName", "p", "PolicyDocument", DELEGATE));
        delegate = server.iam(server.key("delegate"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static void denied(Runnable call, String messageStart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith(messageStart);
        });
    }

    @Test
    void aDelegateCreatesBoundedUsersAttachesAnythingButAdministratorAccessAndKeepsTheBoundary() {
        String who = "User: arn:aws:iam::111122223333:user/delegate is not authorized to perform: ";

        delegate.createUser(r -> r.userName("bounded").permissionsBoundary(BOUNDARY));
        denied(() -> delegate.createUser(r -> r.userName("free")), who + "iam:CreateUser on resource: " + A
                + "user/free because no identity-based policy allows");
        delegate.attachUserPolicy(r -> r.userName("bounded").policyArn(IAM_READ));
        denied(() -> delegate.attachUserPolicy(r -> r.userName("bounded").policyArn(ADMIN)),
                who + "iam:AttachUserPolicy on resource: " + A + "user/bounded with an explicit deny");
        denied(() -> delegate.deleteUserPermissionsBoundary(r -> r.userName("bounded")),
                who + "iam:DeleteUserPermissionsBoundary on resource: " + A + "user/bounded with an explicit deny");
        assertThat(server.iam(server.admin).getUser(r -> r.userName("bounded")).user().permissionsBoundary()
                .permissionsBoundaryArn()).isEqualTo(BOUNDARY);
        assertThat(server.iam(server.admin).listAttachedUserPolicies(r -> r.userName("bounded")).attachedPolicies())
                .extracting(p -> p.policyArn()).containsExactly(IAM_READ);
    }

    @Test
    void rolesNeedTheTeamTagAndOnlyTerminatedUsersAreDeleted() throws Exception {
        delegate.createRole(r -> r.roleName("blue").assumeRolePolicyDocument(TRUST)
                .tags(Tag.builder().key("team").value("blue").build()));
        denied(() -> delegate.createRole(r -> r.roleName("red").assumeRolePolicyDocument(TRUST)
                .tags(Tag.builder().key("team").value("red").build())),
                "User: arn:aws:iam::111122223333:user/delegate");
        server.root("CreateUser", Map.of("UserName", "gone", "Tags.member.1.Key", "status",
                "Tags.member.1.Value", "terminated"));
        server.root("CreateUser", Map.of("UserName", "active"));

        delegate.deleteUser(r -> r.userName("gone"));
        denied(() -> delegate.deleteUser(r -> r.userName("active")), "User: arn:aws:iam::111122223333:user/delegate");
        assertThat(server.iam(server.admin).listUsers().users()).extracting(u -> u.userName())
                .contains("active").doesNotContain("gone");
    }
}
