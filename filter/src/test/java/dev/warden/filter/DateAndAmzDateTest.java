package dev.warden.filter;

import static dev.warden.filter.FilteredServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * A request carrying both {@code Date} and {@code X-Amz-Date} is timed by {@code X-Amz-Date}, as AWS specifies
 * (Common Parameters: "When X-Amz-Date is used, it always overrides the value of the Date header"): a stale
 * {@code Date} beside a fresh {@code X-Amz-Date} is served, and a fresh {@code Date} does not rescue a stale
 * {@code X-Amz-Date}; both headers are signed as sent.
 */
class DateAndAmzDateTest {

    @AutoClose
    private final FilteredServer server;
    private final AwsBasicCredentials admin;

    DateAndAmzDateTest() throws Exception {
        server = FilteredServer.s3WithAdmin();
        admin = server.admin;
    }

    /** A GET signed at {@code amzDate} (its {@code X-Amz-Date}) that also carries and signs {@code Date: date}. */
    private HttpResponse<String> getSignedAt(Instant amzDate, Instant date) throws Exception {
        SdkHttpRequest request = SdkRequests.request(SdkHttpMethod.GET, server.uri("/downloads/a")).toBuilder()
                .putHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)))
                .build();
        SdkRequests.Signed signed = SdkRequests.s3(admin, request, amzDate);
        assertThat(signed.request().firstMatchingHeader("Authorization").orElseThrow()).contains("date;");
        return server.send(signed.request(), null);
    }

    @Test
    void a_stale_date_beside_a_fresh_x_amz_date_is_served() throws Exception {
        HttpResponse<String> response = getSignedAt(NOW, NOW.minus(Duration.ofDays(1)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("principal=arn:aws:iam::111122223333:user/admin");
    }

    @Test
    void a_fresh_date_does_not_rescue_a_stale_x_amz_date() throws Exception {
        HttpResponse<String> response = getSignedAt(NOW.minus(Duration.ofMinutes(16)), NOW);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>RequestTimeTooSkewed</Code>");
    }
}
