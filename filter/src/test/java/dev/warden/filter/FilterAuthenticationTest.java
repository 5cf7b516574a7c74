package dev.warden.filter;

import static dev.warden.filter.FilteredServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.Principal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class FilterAuthenticationTest {

    FilteredServer server;
    AwsBasicCredentials admin;

    @BeforeEach
    void start() throws Exception {
        server = new FilteredServer(FilterAuthorizationTest.ROUTES, b -> b
                .principalResolver(request -> {
                    String user = request.getHeader("X-Demo-User");
                    if (user == null) {
                        return Optional.empty();
                    }
                    if (user.equals("forged")) {
                        throw new SecurityException("The session cookie is not valid.");
                    }
                    return Optional.of(Principal.of("arn:aws:iam::111122223333:user/" + user));
                }));
        admin = server.user("admin", "arn:aws:iam::aws:policy/AdministratorAccess");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatchWithWhatTheServerSigned() throws Exception {
        AwsBasicCredentials wrong = AwsBasicCredentials.create(admin.accessKeyId(), "not-the-secret");
        HttpResponse<String> response = send(SdkRequests.s3(wrong, get("/downloads/a"), NOW));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>", "<StringToSign>AWS4-HMAC-SHA256",
                "<CanonicalRequest>GET\n/downloads/a");
        assertThat(response.body()).doesNotContain("not-the-secret");
        assertThat(server.registry.get("warden.authentications").tag("result", "failure")
                .tag("reason", "signature_mismatch").counter().count()).isEqualTo(1);
    }

    @Test
    void anUnknownKeyIsInvalidAccessKeyId() throws Exception {
        AwsBasicCredentials unknown = AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret");
        HttpResponse<String> response = send(SdkRequests.s3(unknown, get("/downloads/a"), NOW));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>InvalidAccessKeyId</Code>");
    }

    @Test
    void aSignatureOlderThanFifteenMinutesIsRequestTimeTooSkewed() throws Exception {
        HttpResponse<String> response = send(SdkRequests.s3(admin, get("/downloads/a"),
                NOW.minus(Duration.ofMinutes(16))));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>RequestTimeTooSkewed</Code>");
    }

    @Test
    void sigV2IsRefusedAsS3RefusesIt() throws Exception {
        HttpResponse<String> response = server.send(SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(server.uri("/downloads/a?AWSAccessKeyId=" + admin.accessKeyId()
                        + "&Expires=1795000000&Signature=abc%3D")).build(), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidRequest</Code>",
                "Please use AWS4-HMAC-SHA256.");
    }

    @Test
    void aPresignedUrlWorksUntilItExpires() throws Exception {
        var fresh = SdkRequests.presigned(admin, get("/downloads/report.pdf"), NOW.minus(Duration.ofMinutes(30)),
                Duration.ofHours(1));
        assertThat(server.send(fresh.request(), null).statusCode()).isEqualTo(200);
        var expired = SdkRequests.presigned(admin, get("/downloads/report.pdf"), NOW.minus(Duration.ofHours(2)),
                Duration.ofHours(1));
        HttpResponse<String> response = server.send(expired.request(), null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>", "Request has expired");
    }

    @Test
    void aPresignedUrlCannotBeTurnedIntoAnotherRequest() throws Exception {
        var signed = SdkRequests.presigned(admin, get("/downloads/report.pdf"), NOW, Duration.ofHours(1));
        SdkHttpRequest other = signed.request().toBuilder().encodedPath("/downloads/other.pdf").build();
        assertThat(server.send(other, null).statusCode()).isEqualTo(403);
    }

    @Test
    void anApplicationResolverNamesThePrincipalOfUnsignedRequests() throws Exception {
        server.user("carol", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        HttpResponse<String> response = server.send(get("/downloads/a").toBuilder()
                .putHeader("X-Demo-User", "carol").build(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("principal=arn:aws:iam::111122223333:user/carol",
                "aws:username=carol", "aws:userid=AIDA");
    }

    @Test
    void aResolverThatRejectsTheRequestRefusesItRatherThanMakingItAnonymous() throws Exception {
        HttpResponse<String> response = server.send(get("/healthz").toBuilder()
                .putHeader("X-Demo-User", "forged").build(), null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("The session cookie is not valid.");
    }

    @Test
    void aResolverIsNotAskedAboutSignedRequests() throws Exception {
        var signed = SdkRequests.s3(admin, get("/downloads/a").toBuilder().putHeader("X-Demo-User", "forged").build(),
                NOW);
        assertThat(send(signed).statusCode()).isEqualTo(200);
    }

    private SdkHttpRequest get(String path) {
        return SdkRequests.request(SdkHttpMethod.GET, server.uri(path));
    }

    private HttpResponse<String> send(SdkRequests.Signed signed) throws Exception {
        return server.send(signed.request(), signed.body());
    }
}
