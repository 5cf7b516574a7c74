package dev.warden.filter;

import static dev.warden.filter.FilteredServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The filter serves one Region ({@code WardenFilter.Builder.region}, default {@code us-east-1}); a signature scoped to
 * another is refused as S3 refuses it: {@code AuthorizationHeaderMalformed} "the region 'eu-west-1' is wrong; expecting
 * 'us-east-1'" with a {@code Region} element, {@code AuthorizationQueryParametersError} for a presigned URL; it never
 * reaches the application with {@code aws:RequestedRegion} set to the Region it named.
 */
class SignatureRegionTest {

    private FilteredServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private AwsBasicCredentials start(String region) throws Exception {
        server = new FilteredServer(FilterAuthorizationTest.ROUTES,
                region == null ? b -> b : b -> b.region(region));
        return server.user("admin", "arn:aws:iam::aws:policy/AdministratorAccess");
    }

    private HttpResponse<String> get(SdkRequests.Signed signed) throws Exception {
        return server.send(signed.request(), null);
    }

    private SdkRequests.Signed headerSigned(AwsBasicCredentials who, String region) {
        return SdkRequests.s3(who, SdkRequests.request(SdkHttpMethod.GET, server.uri("/downloads/a")), NOW, region);
    }

    @Test
    void a_signature_for_another_region_is_authorization_header_malformed() throws Exception {
        AwsBasicCredentials admin = start(null);

        HttpResponse<String> response = get(headerSigned(admin, "eu-west-1"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>AuthorizationHeaderMalformed</Code>",
                "<Message>The authorization header is malformed; the region &apos;eu-west-1&apos; is wrong; "
                        + "expecting &apos;us-east-1&apos;</Message>", "<Region>us-east-1</Region>");
        assertThat(response.body()).doesNotContain("principal=");
        assertThat(server.registry.get("warden.authentications").tag("result", "failure")
                .tag("reason", "wrong_region").counter().count()).isEqualTo(1);
    }

    @Test
    void a_presigned_url_for_another_region_is_authorization_query_parameters_error() throws Exception {
        AwsBasicCredentials admin = start(null);

        HttpResponse<String> response = get(SdkRequests.presigned(admin,
                SdkRequests.request(SdkHttpMethod.GET, server.uri("/downloads/a")), NOW, Duration.ofMinutes(5),
                "eu-west-1"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>AuthorizationQueryParametersError</Code>",
                "<Message>Error parsing the X-Amz-Credential parameter; the region &apos;eu-west-1&apos; is wrong; "
                        + "expecting &apos;us-east-1&apos;</Message>", "<Region>us-east-1</Region>");
    }

    @Test
    void a_filter_configured_for_a_region_serves_signatures_for_it_and_refuses_us_east_1() throws Exception {
        AwsBasicCredentials admin = start("eu-west-1");

        HttpResponse<String> served = get(headerSigned(admin, "eu-west-1"));
        HttpResponse<String> refused = get(headerSigned(admin, "us-east-1"));

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("aws:RequestedRegion=eu-west-1");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains(
                "the region &apos;us-east-1&apos; is wrong; expecting &apos;eu-west-1&apos;",
                "<Region>eu-west-1</Region>");
    }
}
