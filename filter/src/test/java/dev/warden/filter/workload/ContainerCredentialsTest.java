package dev.warden.filter.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.Warden;
import dev.warden.core.auth.Caller;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.store.InMemoryDirectoryStore;
import dev.warden.filter.LocalJetty;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** A workload with no static keys gets its role's credentials through the AWS SDK's default credentials chain. */
class ContainerCredentialsTest {

    private static final String ACCOUNT = "111122223333";
    private static final String ROLE = "arn:aws:iam::111122223333:role/reports-task";
    private static final String TOKEN = "workload-token-0123456789abcdefghijklmnop";
    private static final String TRUST_ECS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final Caller ROOT = Caller.of(Principal.of("arn:aws:iam::111122223333:root"));

    @TempDir
    Path home;
    private Warden warden;
    private LocalJetty jetty;

    @BeforeEach
    void start() throws Exception {
        warden = Warden.builder().store(new InMemoryDirectoryStore()).meterRegistry(new SimpleMeterRegistry())
                .audit(false, 0).serviceLoaderListeners(false)
                .masterKey(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))).build();
        warden.iam().createAccount(ACCOUNT, null);
        warden.iam().call(ROOT, ACCOUNT, "CreateRole", Map.of("RoleName", "reports-task", "AssumeRolePolicyDocument",
                TRUST_ECS));
        warden.iam().call(ROOT, ACCOUNT, "CreateRole", Map.of("RoleName", "untrusting", "AssumeRolePolicyDocument",
                TRUST_ECS.replace("ecs-tasks", "ec2")));
        ContainerCredentialsServlet servlet = ContainerCredentialsServlet.builder(warden)
                .workload(ROOT, TOKEN, "reports", ROLE, ContainerCredentialsServlet.DEFAULT_SERVICE)
                .workload(ROOT, TOKEN + "-other", "other", "arn:aws:iam::111122223333:role/untrusting",
                        ContainerCredentialsServlet.DEFAULT_SERVICE)
                .build();
        jetty = new LocalJetty(Map.of("/credentials", servlet));
    }

    @AfterEach
    void stop() throws Exception {
        jetty.close();
        warden.close();
    }

    @Test
    void theSdksDefaultChainFetchesTheRolesCredentialsWithTheToken() throws Exception {
        // nothing else in the chain may answer: no keys in properties, no profile files
        System.setProperty("aws.containerCredentialsFullUri", jetty.uri() + "/credentials");
        System.setProperty("aws.containerAuthorizationToken", TOKEN);
        System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
        System.setProperty("aws.configFile", home.resolve("config").toString());
        AwsCredentials credentials;
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
            credentials = chain.resolveCredentials();
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
        }

        assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
        AwsSessionCredentials session = (AwsSessionCredentials) credentials;
        assertThat(session.accessKeyId()).startsWith("ASIA");
        assertThat(session.expirationTime()).hasValueSatisfying(t -> assertThat(t).isAfter(Instant.now().plusSeconds(3_000)));
        var caller = warden.credentials().lookup(session.accessKeyId(), session.sessionToken()).caller();
        assertThat(caller.principal().arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/reports-task/reports");
    }

    @Test
    void eachCallHandsOutFreshCredentials() throws Exception {
        String first = get(TOKEN).body();
        String second = get(TOKEN).body();

        assertThat(first).contains("\"AccessKeyId\":\"ASIA").contains("\"RoleArn\":\"" + ROLE + "\"");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aMissingOrUnknownTokenIsRefused() throws Exception {
        assertThat(get(null).statusCode()).isEqualTo(401);
        assertThat(get("not-the-token").statusCode()).isEqualTo(401);
        assertThat(get(TOKEN + "x").body()).contains("AccessDenied").doesNotContain("AccessKeyId");
    }

    @Test
    void aRoleWhoseTrustPolicyDoesNotAllowTheServiceGivesNothing() throws Exception {
        HttpResponse<String> response = get(TOKEN + "-other");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("AccessDenied").doesNotContain("SecretAccessKey");
    }

    @Test
    void attachingARoleToAWorkloadNeedsPassRoleForThatService() throws Exception {
        warden.iam().call(ROOT, ACCOUNT, "CreateUser", Map.of("UserName", "ops"));
        warden.iam().call(ROOT, ACCOUNT, "PutUserPolicy", Map.of("UserName", "ops", "PolicyName", "pass",
                "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"iam:PassRole\",\"Resource\":\"" + ROLE + "\",\"Condition\":{\"StringEquals\":"
                        + "{\"iam:PassedToService\":\"ecs-tasks.amazonaws.com\"}}}]}"));
        Caller ops = Caller.of(Principal.of("arn:aws:iam::111122223333:user/ops"));

        ContainerCredentialsServlet.builder(warden).workload(ops, TOKEN, "reports", ROLE, "ecs-tasks.amazonaws.com");
        assertThatThrownBy(() -> ContainerCredentialsServlet.builder(warden)
                .workload(ops, TOKEN, "reports", ROLE, "ec2.amazonaws.com"))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("iam:PassRole");
                });
    }

    private HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jetty.uri() + "/credentials"));
        if (token != null) {
            request.header("Authorization", token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
