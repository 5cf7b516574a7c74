package dev.warden.filter.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Malformed, forged, stale and oversized requests to the Query endpoint, over raw HTTP: each gets AWS's error code
 * and a 4xx in an {@code ErrorResponse}, never a stack trace and never an answer.
 */
class QueryApiBadInputTest {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect");
    private static QueryEndpointServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = new QueryEndpointServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A form post signed by the AWS SDK's own signer for {@code service}, at {@code signedAt}. */
    private static HttpRequest signed(String service, String form, Instant signedAt, String secret) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(server.endpoint)
                .encodedPath("/").putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
        var signed = AwsV4HttpSigner.create().sign(b -> b
                .identity(AwsCredentialsIdentity.create(server.admin.accessKeyId(), secret))
                .request(request).payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        HttpRequest.Builder http = HttpRequest.newBuilder(server.endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> http.header(name, v));
            }
        });
        return http.build();
    }

    private static HttpRequest signed(String form) {
        return signed("iam", form, Instant.now(), server.admin.secretAccessKey());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expectError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("<ErrorResponse").contains("<Code>" + code + "</Code>")
                .contains("<RequestId>").doesNotContain("Exception").doesNotContain("at dev.warden");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void aWellSignedRequestIsAnswered() throws Exception {
        HttpResponse<String> response = send(signed("Action=GetUser&Version=2010-05-08"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<GetUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">")
                .contains("<UserName>admin</UserName>");
    }

    @Test
    void requestsWithoutCredentialsAreMissingAuthenticationToken() throws Exception {
        expectError(send(HttpRequest.newBuilder(server.endpoint).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                "Action=ListUsers&Version=2010-05-08")).build()), 403, "MissingAuthenticationToken");
    }

    @Test
    void malformedAuthorizationHeadersAreIncompleteSignatures() throws Exception {
        for (String header : List.of("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=AKIA/20261123/us-east-1/iam",
                "AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=zz")) {
            expectError(send(HttpRequest.newBuilder(server.endpoint).header("Authorization", header)
                    .header("X-Amz-Date", "20261123T120000Z")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=ListUsers")).build()), 400, "IncompleteSignature");
        }
    }

    @Test
    void aRetiredSignatureVersionIsRefused() throws Exception {
        expectError(send(HttpRequest.newBuilder(URI.create(server.endpoint + "/?Action=ListUsers&AWSAccessKeyId="
                + server.admin.accessKeyId() + "&Signature=abc&Expires=2000000000&SignatureVersion=2")).GET().build()),
                400, "InvalidRequest");
    }

    @Test
    void aWrongSecretOrAChangedBodyIsSignatureDoesNotMatch() throws Exception {
        expectError(send(signed("iam", "Action=ListUsers&Version=2010-05-08", Instant.now(), "x".repeat(40))), 403,
                "SignatureDoesNotMatch");
        HttpRequest good = signed("Action=ListUsers&Version=2010-05-08");
        HttpRequest.Builder changed = HttpRequest.newBuilder(server.endpoint)
                .POST(HttpRequest.BodyPublishers.ofString("Action=DeleteUser&Version=2010-05-08&UserName=admin"));
        good.headers().map().forEach((name, values) -> values.forEach(v -> changed.header(name, v)));
        expectError(send(changed.build()), 403, "SignatureDoesNotMatch");
        assertThat(server.warden.directory().current().account(QueryEndpointServer.ACCOUNT).user("admin")).isNotNull();
    }

    @Test
    void aSignatureOutsideTheFifteenMinuteWindowHasExpired() throws Exception {
        HttpResponse<String> stale = send(signed("iam", "Action=ListUsers&Version=2010-05-08",
                Instant.now().minus(Duration.ofMinutes(16)), server.admin.secretAccessKey()));
        expectError(stale, 403, "SignatureDoesNotMatch");
        assertThat(stale.body()).contains("Signature expired");
        assertThat(send(signed("iam", "Action=ListUsers&Version=2010-05-08",
                Instant.now().minus(Duration.ofMinutes(14)), server.admin.secretAccessKey())).statusCode()).isEqualTo(200);
    }

    @Test
    void missingOrUnknownActionsAndMalformedFormsAreSendersErrors() throws Exception {
        expectError(send(signed("Version=2010-05-08")), 400, "MissingAction");
        expectError(send(signed("Action=ListUserz&Version=2010-05-08")), 400, "InvalidAction");
        expectError(send(signed("Action=ListUsers&Action=GetUser")), 400, "MalformedQueryString");
        expectError(send(signed("Action=ListUsers&UserName=%ZZ")), 400, "MalformedQueryString");
    }

    @Test
    void aRequestSignedForAnotherServiceIsNotServedHere() throws Exception {
        expectError(send(signed("s3", "Action=ListUsers", Instant.now(), server.admin.secretAccessKey())), 400,
                "InvalidAction");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        // only the head is sent: a refusal that read the body would wait for it and time out; a client that went on
        // writing a body the server will not read would race the server closing the connection
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    + "application/x-www-form-urlencoded\r\nContent-Length: " + (QueryApiServlet.MAX_BODY + 1)
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readNBytes(4096),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413").contains("x-amzn-RequestId",
                    "<Code>RequestEntityTooLarge</Code>").doesNotContain("Exception");
        }
    }

    @Test
    void everyAuthenticationFailureIsCounted() throws Exception {
        double before = server.registry.find("warden.authentications").tag("result", "failure").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        send(signed("iam", "Action=ListUsers", Instant.now(), "y".repeat(40)));
        double after = server.registry.find("warden.authentications").tag("result", "failure").counters().stream()
                .mapToDouble(c -> c.count()).sum();

        assertThat(after).isEqualTo(before + 1);
    }
}
