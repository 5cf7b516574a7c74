package dev.warden.filter;

import static dev.warden.filter.FilteredServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.filter.route.RouteTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;

class FilterContextKeysTest {

    FilteredServer server;
    AwsBasicCredentials admin;

    @BeforeEach
    void start() throws Exception {
        server = new FilteredServer(FilterAuthorizationTest.ROUTES, b -> b.trustedProxies("127.0.0.1/32")
                .region("eu-west-1"));
        admin = server.user("admin", "arn:aws:iam::aws:policy/AdministratorAccess");
        server.root("TagUser", java.util.Map.of("UserName", "admin", "Tags.member.1.Key", "team",
                "Tags.member.1.Value", "storage"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aSignedRequestCarriesTheKeysAwsAddsFromTheCallerTheClockAndTheRequest() throws Exception {
        var signed = SdkRequests.s3(admin, SdkRequests.request(SdkHttpMethod.GET, server.uri("/downloads/a"))
                .toBuilder().putHeader("User-Agent", "aws-cli/2.9").putHeader("Referer", "https://example.com/")
                .putHeader("X-Forwarded-For", "203.0.113.9").build(), NOW, "eu-west-1");
        String body = server.send(signed.request(), null).body();
        assertThat(body).contains(
                "aws:CurrentTime=2026-11-23T14:30:00Z",
                "aws:EpochTime=" + NOW.getEpochSecond(),
                "aws:PrincipalAccount=111122223333",
                "aws:PrincipalArn=arn:aws:iam::111122223333:user/admin",
                "aws:PrincipalType=User",
                "aws:PrincipalTag/team=storage",
                "aws:RequestedRegion=eu-west-1",
                "aws:SecureTransport=false",
                "aws:SourceIp=203.0.113.9",
                "aws:Referer=https://example.com/",
                "aws:username=admin",
                "aws:userid=AIDA");
        assertThat(body).doesNotContain("aws:MultiFactorAuthPresent", "aws:TokenIssueTime");
    }

    @Test
    void unsignedRequestsGetTheConfiguredRegion() throws Exception {
        String body = server.send(SdkRequests.request(SdkHttpMethod.GET, server.uri("/healthz")), null).body();
        assertThat(body).contains("aws:RequestedRegion=eu-west-1", "aws:SourceIp=127.0.0.1");
    }

    @Test
    void aRouteCannotDeclareAGlobalKeySoNoHeaderPosesAsTheSourceAddress() {
        assertThatThrownBy(() -> RouteTable.parse("""
                {"Version": "2026-11-23", "Protocol": "s3", "Routes": [
                  {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{bucket}",
                   "Context": {"aws:SourceIp": "{header.x-client-ip}"}}]}""", "spoof.json"))
                .hasMessage("spoof.json: /Routes/0/Context/aws:SourceIp: global aws: keys come from the request "
                        + "itself; a route declares service keys");
    }
}
