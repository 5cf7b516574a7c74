package dev.warden.filter.query;

import static dev.warden.filter.query.QueryEndpointServer.ACCOUNT;
import static dev.warden.filter.query.QueryEndpointServer.fails;
import static dev.warden.filter.query.QueryEndpointServer.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The AWS SDK for Java v2, unmodified, signing with the root user's access key at the IAM and STS Query endpoints:
 * the caller is {@code arn:aws:iam::ACCOUNT:root}, which manages its own keys without a user name (at most two), may
 * call every IAM operation of its account without a policy, gets session tokens of at most one hour and may not
 * assume roles.
 */
class RootCredentialsOverHttpTest {

    private static final String ROOT_ARN = "arn:aws:iam::111122223333:root";
    private QueryEndpointServer server;
    private AwsBasicCredentials rootKey;
    private IamClient iam;
    private StsClient sts;

    @BeforeEach
    void start() throws Exception {
        server = new QueryEndpointServer();
        ObjectNode created = server.root("CreateAccessKey", Map.of());
        rootKey = AwsBasicCredentials.create(created.at("/AccessKey/AccessKeyId").asText(),
                created.at("/AccessKey/SecretAccessKey").asText());
        iam = server.iam(rootKey);
        sts = server.sts(rootKey);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void the_root_key_signs_as_the_root_user() {
        var identity = sts.getCallerIdentity();
        var user = iam.getUser().user();

        assertThat(identity.arn()).isEqualTo(ROOT_ARN);
        assertThat(identity.userId()).isEqualTo(ACCOUNT);
        assertThat(user.arn()).isEqualTo(ROOT_ARN);
        assertThat(user.userId()).isEqualTo(ACCOUNT);
        assertThat(user.userName()).isNull();
    }

    @Test
    void the_root_user_manages_its_own_two_keys_without_a_user_name() {
        var second = iam.createAccessKey().accessKey();

        assertThat(second.accessKeyId()).startsWith("AKIA");
        assertThat(second.userName()).isNull();
        assertThat(iam.listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactlyInAnyOrder(rootKey.accessKeyId(), second.accessKeyId());
        fails(() -> iam.createAccessKey(), 409, "LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2");
        iam.deleteAccessKey(r -> r.accessKeyId(second.accessKeyId()));
        assertThat(iam.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 1)
                .containsEntry(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0)
                .containsEntry(SummaryKeyType.USERS, 1);
    }

    @Test
    void the_root_user_calls_iam_without_any_policy() {
        iam.createUser(r -> r.userName("carol"));
        iam.attachUserPolicy(r -> r.userName("carol").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));

        assertThat(iam.listUsers().users()).extracting(u -> u.userName()).contains("admin", "carol");
    }

    @Test
    void the_root_user_may_not_assume_a_role() {
        iam.createRole(r -> r.roleName("ops").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ROOT_ARN + "\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}"));

        fails(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::111122223333:role/ops").roleSessionName("root")),
                403, "AccessDenied", "Roles may not be assumed by root accounts.");
    }

    @Test
    void the_root_users_session_token_lasts_at_most_one_hour() {
        Instant before = Instant.now();
        Credentials credentials = sts.getSessionToken().credentials();

        assertThat(credentials.expiration()).isBetween(before.plus(Duration.ofMinutes(59)),
                Instant.now().plus(Duration.ofHours(1)));
        assertThat(server.sts(session(credentials)).getCallerIdentity().arn()).isEqualTo(ROOT_ARN);
        assertThatThrownBy(() -> sts.getSessionToken(r -> r.durationSeconds(3_601)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }
}
