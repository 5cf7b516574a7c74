package dev.warden.filter;

import static dev.warden.filter.FilteredServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * A request signed (by the AWS SDK's signer) with an access key of the root user passes {@link WardenFilter} as
 * {@code arn:aws:iam::ACCOUNT:root}, with AWS's keys for it, and is allowed on its account's resources without any
 * policy; once the key is deactivated it signs nothing.
 */
class RootAccessKeyFilterTest {

    private FilteredServer server;
    private AwsBasicCredentials root;

    @BeforeEach
    void start() throws Exception {
        server = new FilteredServer(FilterAuthorizationTest.ROUTES, b -> b.resourcePolicies(arn ->
                arn.startsWith("arn:aws:s3:::downloads") ? new ResourcePolicy(FilteredServer.ACCOUNT, null) : null));
        root = server.rootKey();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        var signed = SdkRequests.s3(root, SdkRequests.request(SdkHttpMethod.GET, server.uri(path)), NOW);
        return server.send(signed.request(), null);
    }

    @Test
    void a_root_key_signs_as_the_root_user_who_needs_no_policy() throws Exception {
        HttpResponse<String> response = get("/downloads/report.pdf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("principal=arn:aws:iam::111122223333:root",
                "aws:PrincipalArn=arn:aws:iam::111122223333:root", "aws:PrincipalType=Account",
                "aws:userid=111122223333\n");
    }

    @Test
    void an_inactive_root_key_is_an_unknown_key() throws Exception {
        server.root("UpdateAccessKey", Map.of("AccessKeyId", root.accessKeyId(), "Status", "Inactive"));

        HttpResponse<String> response = get("/downloads/report.pdf");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>InvalidAccessKeyId</Code>");
    }
}
