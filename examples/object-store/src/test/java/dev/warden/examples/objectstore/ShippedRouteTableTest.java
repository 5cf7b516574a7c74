package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.filter.route.Check;
import dev.warden.filter.route.MappedRequest;
import dev.warden.filter.route.RouteRequest;
import dev.warden.filter.route.RouteTable;
import dev.warden.spi.ContextValue;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The route table that ships with the object store, against the request shapes the AWS SDKs and CLI send. */
class ShippedRouteTableTest {

    static RouteTable table;

    @BeforeAll
    static void read() throws Exception {
        table = RouteTable.read(Path.of("routes.json"));
    }

    private static MappedRequest map(String method, String path, String query, Map<String, String> headers)
            throws Exception {
        return table.map(new RouteRequest(method, path, query, name -> headers.entrySet().stream()
                        .filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                        .orElse(null)),
                Map.of("partition", "aws", "account", "111122223333", "region", "us-east-1",
                        "auth.type", "REST-HEADER", "auth.signature-version", "AWS4-HMAC-SHA256",
                        "auth.signature-age", "1200", "auth.content-sha256", "UNSIGNED-PAYLOAD"))
                .orElseThrow(() -> new AssertionError("no route maps " + method + " " + path + "?" + query));
    }

    @ParameterizedTest(name = "{0} {1}?{2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            GET    | /                | -                                        | s3:ListAllMyBuckets         | arn:aws:s3:::*
            PUT    | /b               | -                                        | s3:CreateBucket             | arn:aws:s3:::b
            DELETE | /b               | -                                        | s3:DeleteBucket             | arn:aws:s3:::b
            HEAD   | /b               | -                                        | s3:ListBucket               | arn:aws:s3:::b
            GET    | /b               | list-type=2&prefix=logs%2F&delimiter=%2F | s3:ListBucket               | arn:aws:s3:::b
            GET    | /b/              | prefix=&delimiter=%2F&encoding-type=url  | s3:ListBucket               | arn:aws:s3:::b
            GET    | /b               | location                                 | s3:GetBucketLocation        | arn:aws:s3:::b
            GET    | /b               | policy                                   | s3:GetBucketPolicy          | arn:aws:s3:::b
            PUT    | /b               | policy                                   | s3:PutBucketPolicy          | arn:aws:s3:::b
            DELETE | /b               | policy                                   | s3:DeleteBucketPolicy       | arn:aws:s3:::b
            GET    | /b               | acl                                      | s3:GetBucketAcl             | arn:aws:s3:::b
            PUT    | /b               | acl                                      | s3:PutBucketAcl             | arn:aws:s3:::b
            GET    | /b               | uploads                                  | s3:ListBucketMultipartUploads | arn:aws:s3:::b
            PUT    | /b/k             | -                                        | s3:PutObject                | arn:aws:s3:::b/k
            GET    | /b/k/with/slashes | -                                       | s3:GetObject                | arn:aws:s3:::b/k/with/slashes
            HEAD   | /b/a%20b.txt     | -                                        | s3:GetObject                | arn:aws:s3:::b/a b.txt
            DELETE | /b/k             | -                                        | s3:DeleteObject             | arn:aws:s3:::b/k
            GET    | /b/k             | acl                                      | s3:GetObjectAcl             | arn:aws:s3:::b/k
            PUT    | /b/k             | acl                                      | s3:PutObjectAcl             | arn:aws:s3:::b/k
            POST   | /b/k             | uploads                                  | s3:PutObject                | arn:aws:s3:::b/k
            PUT    | /b/k             | partNumber=1&uploadId=x                  | s3:PutObject                | arn:aws:s3:::b/k
            POST   | /b/k             | uploadId=x                               | s3:PutObject                | arn:aws:s3:::b/k
            GET    | /b/k             | uploadId=x                               | s3:ListMultipartUploadParts | arn:aws:s3:::b/k
            DELETE | /b/k             | uploadId=x                               | s3:AbortMultipartUpload     | arn:aws:s3:::b/k
            GET    | /b/k             | partNumber=2                             | s3:GetObject                | arn:aws:s3:::b/k
            HEAD   | /b/k             | partNumber=1                             | s3:GetObject                | arn:aws:s3:::b/k
            GET    | /b/k             | X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300 | s3:GetObject      | arn:aws:s3:::b/k
            """)
    void everyS3OperationMapsToTheActionAwsDocuments(String method, String path, String query, String action,
                                                     String resource) throws Exception {
        assertThat(map(method, path, query, Map.of()).checks()).first().isEqualTo(new Check(action, resource));
    }

    @Test
    void aCopyAlsoNeedsReadOnTheSource() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-copy-source", "/src/a%20b.txt?versionId=3");
        headers.put("x-amz-acl", "public-read");
        MappedRequest copy = map("PUT", "/b/k", null, headers);
        assertThat(copy.checks()).containsExactly(new Check("s3:PutObject", "arn:aws:s3:::b/k"),
                new Check("s3:GetObject", "arn:aws:s3:::src/a b.txt"));
        assertThat(copy.context()).containsEntry("s3:x-amz-acl", ContextValue.of("public-read"));
        MappedRequest partCopy = map("PUT", "/b/k", "partNumber=2&uploadId=x", Map.of("x-amz-copy-source", "src/k"));
        assertThat(partCopy.checks()).extracting(Check::action).containsExactly("s3:PutObject", "s3:GetObject");
    }

    @Test
    void aBatchDeleteIsAuthorizedKeyByKeyByTheApplication() throws Exception {
        MappedRequest delete = map("POST", "/b", "delete", Map.of());
        assertThat(delete.mode()).isEqualTo(MappedRequest.Mode.DELEGATED);
        assertThat(delete.checks()).isEmpty();
    }

    @Test
    void aCopyWhoseSourceCannotBeReadIsNeverAuthorizedAsAPlainUpload() throws Exception {
        assertThat(table.map(new RouteRequest("PUT", "/b/k", null, name -> name.equalsIgnoreCase("x-amz-copy-source")
                ? "/src/bad%zz" : null), Map.of("partition", "aws"))).isEmpty();
    }

    @Test
    void listingsCarryS3sConditionKeys() throws Exception {
        MappedRequest list = map("GET", "/b", "list-type=2&prefix=logs%2F&delimiter=%2F&max-keys=100", Map.of());
        assertThat(list.context()).contains(Map.entry("s3:prefix", ContextValue.of("logs/")),
                Map.entry("s3:delimiter", ContextValue.of("/")), Map.entry("s3:max-keys", ContextValue.of("100")),
                Map.entry("s3:authType", ContextValue.of("REST-HEADER")),
                Map.entry("s3:signatureversion", ContextValue.of("AWS4-HMAC-SHA256")),
                Map.entry("s3:signatureAge", ContextValue.of("1200")));
    }

    @Test
    void healthAndMetricsArePublicAndNothingElseIs() throws Exception {
        assertThat(map("GET", "/healthz", null, Map.of()).publicRoute()).isTrue();
        assertThat(map("GET", "/metrics", null, Map.of()).publicRoute()).isTrue();
        for (List<String> request : List.of(List.of("GET", "/"), List.of("GET", "/b"), List.of("PUT", "/b/k"))) {
            assertThat(map(request.get(0), request.get(1), null, Map.of()).publicRoute()).isFalse();
        }
        assertThat(table.allowsUnmapped()).isFalse();
    }
}
