package dev.warden.filter;

import static dev.warden.filter.FilteredServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.PolicyType;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;

class FilterAuthorizationTest {

    static final String ROUTES = """
            {"Version": "2026-11-23", "Protocol": "s3", "Routes": [
              {"Route": "GET /healthz", "Public": true},
              {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{bucket}",
               "Context": {"s3:prefix": "{query.prefix}"}},
              {"Route": "GET /{bucket}/{key+}", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::{bucket}/{key}"},
              {"Route": "PUT /{bucket}/{key+}", "Headers": {"x-amz-copy-source": true},
               "Action": "s3:PutObject", "Resource": "arn:aws:s3:::{bucket}/{key}",
               "Also": [{"Action": "s3:GetObject", "Resource": "arn:aws:s3:::{header.x-amz-copy-source:path}"}]},
              {"Route": "PUT /{bucket}/{key+}", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::{bucket}/{key}"}
            ]}""";

    /** Anyone may read objects under public/ in bucket downloads; the bucket belongs to 111122223333. */
    static final String PUBLIC_PREFIX = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "PublicRead", "Effect": "Allow", "Principal": "*",
              "Action": "s3:GetObject", "Resource": "arn:aws:s3:::downloads/public/*"}]}""";

    FilteredServer server;
    AwsBasicCredentials admin;
    AwsBasicCredentials reader;

    @BeforeEach
    void start() throws Exception {
        StatementIndex bucketPolicy = StatementIndex.of(
                CompiledPolicy.parse(PUBLIC_PREFIX, PolicyKind.RESOURCE, "downloads", PolicyType.RESOURCE));
        server = new FilteredServer(ROUTES, b -> b.resourcePolicies(arn -> arn.startsWith("arn:aws:s3:::downloads")
                ? new ResourcePolicy(FilteredServer.ACCOUNT, bucketPolicy) : null));
        admin = server.user("admin", "arn:aws:iam::aws:policy/AdministratorAccess");
        reader = server.user("reader", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void anAllowedRequestReachesTheApplicationWithItsPrincipalBound() throws Exception {
        HttpResponse<String> response = get(admin, "/downloads/report.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("principal=arn:aws:iam::111122223333:user/admin");
    }

    @Test
    void aDeniedRequestGetsS3sAccessDeniedWithTheReasonAndARequestId() throws Exception {
        var signed = SdkRequests.s3Upload(reader, SdkRequests.request(SdkHttpMethod.PUT,
                server.uri("/downloads/new.zip")), "data".getBytes(), NOW);
        HttpResponse<String> response = server.send(signed.request(), signed.body());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/xml"));
        String requestId = response.headers().firstValue("x-amz-request-id").orElseThrow();
        assertThat(response.body()).contains("<Code>AccessDenied</Code>",
                "<Message>User: arn:aws:iam::111122223333:user/reader is not authorized to perform: s3:PutObject on "
                        + "resource: arn:aws:s3:::downloads/new.zip because no identity-based policy allows the "
                        + "s3:PutObject action</Message>", "<RequestId>" + requestId + "</RequestId>");
        assertThat(response.body()).doesNotContain("Exception", "at dev.warden");
    }

    @Test
    void everyCheckOfARouteMustAllowACopyNeedsReadOnTheSource() throws Exception {
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject",
                  "Resource": "arn:aws:s3:::uploads/*"}]}""";
        server.root("CreateUser", java.util.Map.of("UserName", "writer"));
        server.root("PutUserPolicy", java.util.Map.of("UserName", "writer", "PolicyName", "put",
                "PolicyDocument", policy));
        var key = server.root("CreateAccessKey", java.util.Map.of("UserName", "writer"));
        AwsBasicCredentials writer = AwsBasicCredentials.create(key.at("/AccessKey/AccessKeyId").asText(),
                key.at("/AccessKey/SecretAccessKey").asText());
        var copy = SdkRequests.s3(writer, SdkRequests.request(SdkHttpMethod.PUT, server.uri("/uploads/copy.pdf"))
                .toBuilder().putHeader("x-amz-copy-source", "/private/secret%20plan.pdf").build(), NOW);
        HttpResponse<String> response = server.send(copy.request(), null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("s3:GetObject on resource: arn:aws:s3:::private/secret plan.pdf");
    }

    @Test
    void anUnmappedRequestIsDeniedEvenForAnAdministrator() throws Exception {
        var signed = SdkRequests.s3(admin, SdkRequests.request(SdkHttpMethod.DELETE, server.uri("/downloads/a")), NOW);
        HttpResponse<String> response = server.send(signed.request(), null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>", "no route maps DELETE /downloads/a");
        // the filter records the outcome after the response is written: the client can read it first
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (server.registry.get("warden.filter.requests").tag("outcome", "unmapped").timer().count() == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.registry.get("warden.filter.requests").tag("outcome", "unmapped").timer().count())
                .isEqualTo(1);
    }

    @Test
    void aPublicRouteNeedsNoCredentials() throws Exception {
        HttpResponse<String> response = server.send(SdkRequests.request(SdkHttpMethod.GET, server.uri("/healthz")),
                null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("principal=anonymous");
    }

    @Test
    void anAnonymousRequestIsAllowedOnlyWhereAResourcePolicyOpensIt() throws Exception {
        HttpResponse<String> open = server.send(SdkRequests.request(SdkHttpMethod.GET,
                server.uri("/downloads/public/setup.exe")), null);
        assertThat(open.statusCode()).isEqualTo(200);
        HttpResponse<String> closed = server.send(SdkRequests.request(SdkHttpMethod.GET,
                server.uri("/downloads/private/setup.exe")), null);
        assertThat(closed.statusCode()).isEqualTo(403);
        assertThat(closed.body()).contains("<Message>Access Denied</Message>");
    }

    @Test
    void routeContextKeysReachThePolicyAndTheApplication() throws Exception {
        HttpResponse<String> response = get(reader, "/downloads?prefix=reports%2F2026");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("s3:prefix=reports/2026");
    }

    private HttpResponse<String> get(AwsBasicCredentials credentials, String path) throws Exception {
        var signed = SdkRequests.s3(credentials, SdkRequests.request(SdkHttpMethod.GET, server.uri(path)), NOW);
        return server.send(signed.request(), null);
    }
}
