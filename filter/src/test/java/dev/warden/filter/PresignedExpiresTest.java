package dev.warden.filter;

import static dev.warden.filter.FilteredServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * A presigned URL's {@code X-Amz-Expires} as S3 reads it: a value that is negative, not a number or more than a week
 * is {@code AuthorizationQueryParametersError} (400) with S3's message, checked before the signature; {@code 0} is
 * well formed and has expired as soon as it was made (403 {@code AccessDenied} "Request has expired", with the
 * {@code X-Amz-Expires}, {@code Expires} and {@code ServerTime} elements S3 adds).
 */
class PresignedExpiresTest {

    @AutoClose
    private final FilteredServer server;
    private final AwsBasicCredentials admin;

    PresignedExpiresTest() throws Exception {
        server = FilteredServer.s3WithAdmin();
        admin = server.admin;
    }

    /** A URL presigned now for five minutes, its {@code X-Amz-Expires} then replaced by {@code expires}. */
    private HttpResponse<String> getWithExpires(String expires) throws Exception {
        SdkHttpRequest signed = SdkRequests.presigned(admin,
                SdkRequests.request(SdkHttpMethod.GET, server.uri("/downloads/report.pdf")), NOW,
                Duration.ofMinutes(5)).request();
        String query = signed.getUri().getRawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=" + expires);
        return server.send(SdkRequests.request(SdkHttpMethod.GET,
                server.uri("/downloads/report.pdf?" + query)), null);
    }

    @ParameterizedTest(name = "X-Amz-Expires={0}")
    @CsvSource(delimiter = '|', value = {
        "-1|X-Amz-Expires must be non-negative",
        "abc|X-Amz-Expires should be a number",
        "604801|X-Amz-Expires must be less than a week (in seconds) that is 604800"})
    void a_malformed_expiry_is_authorization_query_parameters_error(String expires, String message) throws Exception {
        HttpResponse<String> response = getWithExpires(expires);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>AuthorizationQueryParametersError</Code>",
                "<Message>" + message + "</Message>");
    }

    @Test
    void an_expiry_of_zero_has_expired_when_it_was_made() throws Exception {
        HttpResponse<String> response = getWithExpires("0");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>", "<Message>Request has expired</Message>",
                "<X-Amz-Expires>0</X-Amz-Expires>", "<Expires>2026-11-23T14:30:00Z</Expires>",
                "<ServerTime>2026-11-23T14:30:00Z</ServerTime>");
    }

    @Test
    void an_expiry_of_a_week_is_served() throws Exception {
        HttpResponse<String> response = server.send(SdkRequests.presigned(admin,
                SdkRequests.request(SdkHttpMethod.GET, server.uri("/downloads/report.pdf")), NOW,
                Duration.ofSeconds(604_800)).request(), null);

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
