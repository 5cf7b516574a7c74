package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.examples.objectstore.storage.CannedAcl;
import dev.warden.filter.WardenFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The servlet runs the operation the route named ({@link WardenFilter#ROUTE}), not one it reads from the method,
 * query and headers itself, and runs nothing when no route named one. A test header stands in for the filter here,
 * so that the servlet can be handed names the shipped table would never give.
 */
class S3ServletRunsTheNamedOperationTest {

    /** Overrides the route name with {@code x-test-route} ({@code -} removes it). */
    private static final Filter NAMES_FROM_HEADER = (request, response, chain) -> {
        String name = ((HttpServletRequest) request).getHeader("x-test-route");
        if (name != null) {
            request.setAttribute(WardenFilter.ROUTE, name.equals("-") ? null : name);
        }
        chain.doFilter(request, response);
    };

    private final HttpClient http = HttpClient.newHttpClient();
    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture(S3Access.trusting(S3Fixture.ACCOUNT), NAMES_FROM_HEADER);
        fixture.s3.createBucket(b -> b.bucket("alpha"));
        fixture.s3.createBucket(b -> b.bucket("beta"));
        fixture.s3.putObject(b -> b.bucket("beta").key("secret.txt"), RequestBody.fromString("secret"));
        fixture.s3.putObject(b -> b.bucket("alpha").key("public/mine.txt"), RequestBody.fromString("mine"));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private HttpResponse<String> put(String path, String route, String copySource) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.uri + path))
                .PUT(HttpRequest.BodyPublishers.noBody()).header("x-test-route", route)
                .header("x-amz-acl", "public-read");
        if (copySource != null) {
            request.header("x-amz-copy-source", copySource);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestNamedPutObjectAclSetsTheAclAndNeverCopiesWhateverItsQueryAndHeadersSay() throws Exception {
        String upload = fixture.s3.createMultipartUpload(b -> b.bucket("alpha").key("public/loot.txt")).uploadId();

        // what the servlet once read as UploadPartCopy, named PutObjectAcl
        HttpResponse<String> response = put("/alpha/public/loot.txt?uploadId=" + upload + "&partNumber=1",
                "PutObjectAcl", "/beta/secret.txt");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.body()).contains("<Code>NoSuchKey</Code>");
        HttpResponse<String> onMine = put("/alpha/public/mine.txt?uploadId=" + upload + "&partNumber=1",
                "PutObjectAcl", "/beta/secret.txt");
        assertThat(onMine.statusCode()).as(onMine.body()).isEqualTo(200);
        assertThat(fixture.store.find("alpha", "public/mine.txt").orElseThrow().headers().acl())
                .isEqualTo(CannedAcl.PUBLIC_READ);
        assertThat(fixture.s3.listParts(b -> b.bucket("alpha").key("public/loot.txt").uploadId(upload)).parts())
                .isEmpty();
    }

    @Test
    void aRequestNoRouteNamedIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> response = put("/alpha/public/new.txt", "-", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>");
        assertThat(fixture.store.find("alpha", "public/new.txt")).isEmpty();
    }

    @Test
    void aNameTheServletDoesNotServeIsNotImplemented() throws Exception {
        HttpResponse<String> response = put("/alpha?tagging", "PutBucketTagging", null);

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.body()).contains("<Code>NotImplemented</Code>");
    }

    @Test
    void aNamedOperationOnAMethodOrPathItDoesNotTakeIsRefused() throws Exception {
        HttpResponse<String> onBucket = put("/alpha", "PutObject", null);
        HttpResponse<String> otherMethod = put("/alpha/public/mine.txt", "DeleteObject", null);

        assertThat(onBucket.statusCode()).isEqualTo(405);
        assertThat(otherMethod.statusCode()).isEqualTo(405);
        assertThat(otherMethod.body()).contains("<Code>MethodNotAllowed</Code>");
        assertThat(fixture.store.find("alpha", "public/mine.txt")).isPresent();
    }

    @Test
    void listObjectsNamedByAnOlderTableStillAnswersAVersionTwoListingAsS3ReadsListType() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fixture.uri
                + "/alpha?list-type=2")).header("x-test-route", "ListObjects").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<KeyCount>1</KeyCount>").doesNotContain("<Marker>");
    }
}
