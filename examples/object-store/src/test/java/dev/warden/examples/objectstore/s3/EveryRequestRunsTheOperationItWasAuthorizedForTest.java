package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.filter.route.Check;
import dev.warden.filter.route.MappedRequest;
import dev.warden.filter.route.RouteRequest;
import dev.warden.filter.route.RouteRequestException;
import dev.warden.filter.route.RouteTable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every combination of the S3 sub-resources and parameters the store knows, with and without
 * {@code x-amz-copy-source}, for every method on the service, a bucket and an object: the shipped route table either
 * refuses it (conflicting sub-resources, or no route) or names an operation the servlet serves on that method and
 * path, and the route's checks are exactly the IAM actions AWS documents for that operation. Since the servlet runs
 * the operation the route names ({@link S3ServletRunsTheNamedOperationTest}), what runs is what was authorized.
 */
class EveryRequestRunsTheOperationItWasAuthorizedForTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "PUT", "POST", "DELETE", "PATCH");
    private static final List<String> PATHS = List.of("/", "/b", "/b/k/x");
    private static final List<String> QUERY = List.of("acl", "policy", "uploads", "uploadId=U", "partNumber=1",
            "delete", "location", "list-type=2", "versionId=null");
    private static final String SOURCE = "src/secret.txt";

    @TempDir
    Path dir;

    /** What AWS's documentation lists as required for each operation, on this request's bucket/key and source. */
    private static List<Check> documented(String operation) {
        String bucket = "arn:aws:s3:::b";
        String object = "arn:aws:s3:::b/k/x";
        String source = "arn:aws:s3:::" + SOURCE;
        return switch (operation) {
            case "ListBuckets" -> List.of(new Check("s3:ListAllMyBuckets", "arn:aws:s3:::*"));
            case "CreateBucket" -> List.of(new Check("s3:CreateBucket", bucket));
            case "HeadBucket", "ListObjects", "ListObjectsV2" -> List.of(new Check("s3:ListBucket", bucket));
            case "DeleteBucket" -> List.of(new Check("s3:DeleteBucket", bucket));
            case "GetBucketLocation", "GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy", "GetBucketAcl",
                 "PutBucketAcl" -> List.of(new Check("s3:" + operation, bucket));
            case "ListMultipartUploads" -> List.of(new Check("s3:ListBucketMultipartUploads", bucket));
            case "DeleteObjects" -> List.of();   // delegated: s3:DeleteObject on each key, by the servlet
            case "PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload" ->
                    List.of(new Check("s3:PutObject", object));
            case "CopyObject", "UploadPartCopy" ->
                    List.of(new Check("s3:PutObject", object), new Check("s3:GetObject", source));
            case "GetObject", "HeadObject" -> List.of(new Check("s3:GetObject", object));
            case "DeleteObject" -> List.of(new Check("s3:DeleteObject", object));
            case "GetObjectAcl", "PutObjectAcl" -> List.of(new Check("s3:" + operation, object));
            case "ListParts" -> List.of(new Check("s3:ListMultipartUploadParts", object));
            case "AbortMultipartUpload" -> List.of(new Check("s3:AbortMultipartUpload", object));
            default -> throw new AssertionError("no documented actions for " + operation);
        };
    }

    @Test
    void everyCombinationIsRefusedOrRunsExactlyTheOperationItsChecksAuthorize() throws Exception {
        RouteTable table = RouteTable.read(Path.of("routes.json"));
        S3Servlet servlet = new S3Servlet(ObjectStore.open(dir, Clock.systemUTC()), S3Access.trusting("1"));
        Set<String> reached = new HashSet<>();
        int conflicts = 0;
        int unmapped = 0;
        for (String method : METHODS) {
            for (String path : PATHS) {
                S3Operation.Target target = path.equals("/") ? S3Operation.Target.SERVICE
                        : path.equals("/b") ? S3Operation.Target.BUCKET : S3Operation.Target.OBJECT;
                for (int subset = 0; subset < 1 << QUERY.size(); subset++) {
                    String query = query(subset);
                    for (boolean copy : List.of(false, true)) {
                        String request = method + " " + path + "?" + query + (copy ? " +copy-source" : "");
                        Optional<MappedRequest> mapped;
                        try {
                            mapped = table.map(new RouteRequest(method, path, query, name ->
                                    copy && name.equalsIgnoreCase("x-amz-copy-source") ? "/" + SOURCE : null),
                                    Map.of("partition", "aws", "region", "us-east-1", "account", "111122223333"));
                        } catch (RouteRequestException e) {
                            assertThat(e.code()).as(request).isEqualTo("InvalidArgument");
                            assertThat(e.getMessage()).as(request).startsWith("Conflicting query string parameters");
                            conflicts++;
                            continue;
                        }
                        if (mapped.isEmpty()) {
                            unmapped++;   // refused by the filter: the table says "Unmapped": "Deny"
                            continue;
                        }
                        String name = mapped.get().sid();
                        S3Operation operation = servlet.operation(name).orElseThrow(() ->
                                new AssertionError(request + " is named " + name + ", which the servlet does not serve"));
                        assertThat(operation.takes(method, target)).as(request + " named " + name).isTrue();
                        assertThat(mapped.get().checks()).as(request + " named " + name)
                                .containsExactlyElementsOf(documented(name));
                        reached.add(name);
                    }
                }
            }
        }
        assertThat(table.allowsUnmapped()).isFalse();
        assertThat(reached).as("every operation is reached by some request")
                .containsExactlyInAnyOrderElementsOf(servlet.operationNames());
        assertThat(conflicts).isPositive();
        assertThat(unmapped).isPositive();
    }

    @Test
    void theDisguisedPartCopyOfIssue13IsAConflict() throws Exception {
        RouteTable table = RouteTable.read(Path.of("routes.json"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.map(new RouteRequest("PUT", "/alpha/public/x",
                        "acl&uploadId=U&partNumber=1", name -> name.equalsIgnoreCase("x-amz-copy-source")
                                ? "/beta/secret.txt" : null), Map.of("partition", "aws")))
                .isInstanceOfSatisfying(RouteRequestException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Conflicting query string parameters: acl, partNumber, uploadId"));
    }

    private static String query(int subset) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < QUERY.size(); i++) {
            if ((subset & 1 << i) != 0) {
                parts.add(QUERY.get(i));
            }
        }
        return String.join("&", parts);
    }
}
