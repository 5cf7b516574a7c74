package dev.warden.filter.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.Warden;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.store.InMemoryDirectoryStore;
import dev.warden.filter.LocalJetty;
import dev.warden.spi.Principal;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A real Jetty on 127.0.0.1 (ephemeral port) serving {@link QueryApiServlet} over a Warden with account
 * 111122223333 and its administrator {@code admin} (AdministratorAccess, one access key); and AWS SDK for Java v2
 * clients for it.
 */
final class QueryEndpointServer implements AutoCloseable {

    static final String ACCOUNT = "111122223333";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Warden warden;
    final LocalJetty server;
    final URI endpoint;
    final AwsBasicCredentials admin;

    QueryEndpointServer() throws Exception {
        this(null);
    }

    /** @param region the Region the endpoint serves; {@code null} for the servlet's default */
    QueryEndpointServer(String region) throws Exception {
        warden = Warden.builder().store(new InMemoryDirectoryStore()).meterRegistry(registry).audit(false, 0)
                .serviceLoaderListeners(false)
                .masterKey(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))).build();
        warden.iam().createAccount(ACCOUNT, "example");
        root("CreateUser", Map.of("UserName", "admin"));
        root("AttachUserPolicy", Map.of("UserName", "admin", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
        admin = key("admin");
        server = new LocalJetty(Map.of("/*", region == null ? new QueryApiServlet(warden, registry)
                : new QueryApiServlet(warden, registry, region)));
        endpoint = server.uri();
    }

    ObjectNode root(String action, Map<String, String> params) throws Exception {
        return warden.iam().call(Principal.of("arn:aws:iam::" + ACCOUNT + ":root"), ACCOUNT, action, params);
    }

    /** A new access key of {@code user}, as the SDK's credentials. */
    AwsBasicCredentials key(String user) throws Exception {
        ObjectNode key = root("CreateAccessKey", Map.of("UserName", user));
        return AwsBasicCredentials.create(key.at("/AccessKey/AccessKeyId").asText(),
                key.at("/AccessKey/SecretAccessKey").asText());
    }

    IamClient iam(AwsCredentials credentials) {
        return iam(credentials, Region.AWS_GLOBAL);
    }

    /** An IAM client signing for {@code region}. */
    IamClient iam(AwsCredentials credentials, Region region) {
        return IamClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    StsClient sts(AwsCredentials credentials) {
        return sts(credentials, Region.US_EAST_1);
    }

    /** An STS client signing for {@code region}. */
    StsClient sts(AwsCredentials credentials, Region region) {
        return StsClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Runs {@code call}, which must fail with AWS's status, code, a message that starts so, and a request id. */
    static void fails(Runnable call, int status, String code, String messageStart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).startsWith(messageStart);
            assertThat(e.requestId()).isNotBlank();
        });
    }

    static AwsSessionCredentials session(software.amazon.awssdk.services.sts.model.Credentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    @Override
    public void close() throws Exception {
        server.close();
        warden.close();
    }
}
