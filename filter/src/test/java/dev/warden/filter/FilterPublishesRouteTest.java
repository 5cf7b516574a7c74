package dev.warden.filter;

import static dev.warden.filter.FilteredServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The filter tells the application which route it matched ({@link WardenFilter#ROUTE}), so that the application
 * runs the operation that was authorized instead of reading the request a second time; and a request whose
 * sub-resources name two operations reaches neither.
 */
class FilterPublishesRouteTest {

    static final String ROUTES = """
            {"Version": "2026-11-23", "Protocol": "s3", "Unmapped": "%s",
             "Selectors": ["acl", "uploadId", "partNumber"], "Routes": [
              {"Sid": "Health", "Route": "GET /healthz", "Public": true},
              {"Sid": "PutObjectAcl", "Route": "PUT /{bucket}/{key+}", "Query": {"acl": true},
               "Action": "s3:PutObjectAcl", "Resource": "arn:aws:s3:::{bucket}/{key}"},
              {"Sid": "UploadPartCopy", "Route": "PUT /{bucket}/{key+}", "Query": {"uploadId": true, "partNumber": true},
               "Headers": {"x-amz-copy-source": true},
               "Action": "s3:PutObject", "Resource": "arn:aws:s3:::{bucket}/{key}",
               "Also": [{"Action": "s3:GetObject", "Resource": "arn:aws:s3:::{header.x-amz-copy-source:path}"}]},
              {"Sid": "GetObject", "Route": "GET /{bucket}/{key+}",
               "Action": "s3:GetObject", "Resource": "arn:aws:s3:::{bucket}/{key}"}
            ]}""";

    FilteredServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aCheckedRouteReachesTheApplicationNamedByItsSid() throws Exception {
        server = new FilteredServer(ROUTES.formatted("Deny"), b -> b);
        AwsBasicCredentials admin = server.user("admin", "arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(send(admin, SdkHttpMethod.GET, "/downloads/a.txt", null).body()).contains("route=GetObject");
        assertThat(send(admin, SdkHttpMethod.PUT, "/downloads/a.txt?acl", null).body()).contains("route=PutObjectAcl");
    }

    @Test
    void aPublicRouteIsNamedToo() throws Exception {
        server = new FilteredServer(ROUTES.formatted("Deny"), b -> b);
        HttpResponse<String> response = server.send(SdkRequests.request(SdkHttpMethod.GET, server.uri("/healthz")),
                null);
        assertThat(response.body()).contains("route=Health");
    }

    @Test
    void aRequestNoRouteMapsReachesTheApplicationWithoutARouteWhenTheTableLetsItThrough() throws Exception {
        server = new FilteredServer(ROUTES.formatted("Allow"), b -> b);
        AwsBasicCredentials admin = server.user("admin", "arn:aws:iam::aws:policy/AdministratorAccess");
        HttpResponse<String> response = send(admin, SdkHttpMethod.DELETE, "/downloads/a.txt", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("route=none");
    }

    @Test
    void subResourcesOfTwoOperationsAreRefusedWithS3sConflictAndReachNoApplication() throws Exception {
        server = new FilteredServer(ROUTES.formatted("Allow"), b -> b);
        AwsBasicCredentials admin = server.user("admin", "arn:aws:iam::aws:policy/AdministratorAccess");
        HttpResponse<String> response = send(admin, SdkHttpMethod.PUT,
                "/alpha/public/x?acl&uploadId=U&partNumber=1", "/beta/secret.txt");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidArgument</Code>",
                "<Message>Conflicting query string parameters: acl, partNumber, uploadId</Message>"
                        + "<ArgumentName>ResourceType</ArgumentName><ArgumentValue>acl</ArgumentValue>")
                .doesNotContain("principal=");
    }

    private HttpResponse<String> send(AwsBasicCredentials credentials, SdkHttpMethod method, String path,
                                      String copySource) throws Exception {
        var request = SdkRequests.request(method, server.uri(path));
        if (copySource != null) {
            request = request.toBuilder().putHeader("x-amz-copy-source", copySource).build();
        }
        var signed = SdkRequests.s3(credentials, request, NOW);
        return server.send(signed.request(), null);
    }
}
