package dev.warden.filter.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * GetFederationToken over the STS Query endpoint with the AWS SDK for Java v2: the SDK reads AWS's answer
 * ({@code Credentials}, {@code FederatedUser}, {@code PackedPolicySize}), and the federated-user credentials call
 * GetCallerIdentity but neither IAM nor other STS operations.
 */
class FederationTokenOverHttpTest {

    private final QueryEndpointServer server;
    private final AwsBasicCredentials proxy;

    FederationTokenOverHttpTest() throws Exception {
        server = new QueryEndpointServer();
        server.root("CreateUser", Map.of("UserName", "proxy"));
        server.root("PutUserPolicy", Map.of("UserName", "proxy", "PolicyName", "federate", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "[\"sts:GetFederationToken\",\"iam:ListUsers\"],\"Resource\":\"*\"}]}"));
        proxy = server.key("proxy");
    }

    @AfterEach
    void close() throws Exception {
        server.close();
    }

    @Test
    void the_sdk_gets_federated_user_credentials_that_cannot_call_iam() {
        GetFederationTokenResponse answer;
        try (StsClient sts = server.sts(proxy)) {
            answer = sts.getFederationToken(r -> r.name("bob").durationSeconds(900)
                    .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                            + "\"Resource\":\"*\"}]}"));
        }
        assertThat(answer.federatedUser().arn()).isEqualTo("arn:aws:sts::111122223333:federated-user/bob");
        assertThat(answer.federatedUser().federatedUserId()).isEqualTo("111122223333:bob");
        assertThat(answer.packedPolicySize()).isPositive();
        assertThat(answer.credentials().accessKeyId()).startsWith("ASIA");

        AwsSessionCredentials federated = QueryEndpointServer.session(answer.credentials());
        try (StsClient sts = server.sts(federated); IamClient iam = server.iam(federated)) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::111122223333:federated-user/bob");
            assertThatThrownBy(() -> sts.getSessionToken()).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            assertThatThrownBy(iam::listUsers).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.awsErrorDetails().errorMessage()).contains("with credentials from GetFederationToken");
            });
        }
    }
}
