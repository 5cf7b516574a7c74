package dev.warden.filter.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.ContextValue;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteMatchingTest {

    static final RouteTable TABLE;

    static {
        try {
            TABLE = RouteTable.parse("""
                    {"Version": "2026-11-23", "Protocol": "s3", "Routes": [
                      {"Sid": "Health", "Route": "GET /healthz", "Public": true},
                      {"Route": "GET /", "Action": "s3:ListAllMyBuckets", "Resource": "*"},
                      {"Route": "GET /{bucket}", "Query": {"policy": true},
                       "Action": "s3:GetBucketPolicy", "Resource": "arn:{partition}:s3:::{bucket}"},
                      {"Route": "GET /{bucket}", "Query": {"list-type": "2"},
                       "Action": "s3:ListBucket", "Resource": "arn:{partition}:s3:::{bucket}",
                       "Context": {"s3:prefix": "{query.prefix}", "s3:max-keys": "{query.max-keys}",
                                   "s3:authType": "{auth.type}"}},
                      {"Route": "PUT /{bucket}/{key+}", "Headers": {"X-Amz-Copy-Source": true},
                       "Action": "s3:PutObject", "Resource": "arn:{partition}:s3:::{bucket}/{key}",
                       "Also": [{"Action": "s3:GetObject",
                                 "Resource": "arn:{partition}:s3:::{header.x-amz-copy-source:path}"}]},
                      {"Route": "PUT /{bucket}/{key+}", "Query": {"uploadId": false},
                       "Action": "s3:PutObject", "Resource": "arn:{partition}:s3:::{bucket}/{key}",
                       "Context": {"s3:x-amz-acl": "{header.x-amz-acl}"}},
                      {"Route": "GET /{bucket}/{key+}", "Action": "s3:GetObject",
                       "Resource": "arn:{partition}:s3:::{bucket}/{key}"},
                      {"Route": "* /orders/{id}", "Action": "orders:Touch",
                       "Resource": "arn:aws:orders:{region}:{account}:order/{id}"}
                    ]}""", "test.json");
        } catch (RouteTableException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final Map<String, String> BUILTINS = Map.of("partition", "aws", "account", "111122223333",
            "region", "eu-west-1", "auth.type", "REST-HEADER");

    static Optional<MappedRequest> map(String method, String path, String query, Map<String, String> headers)
            throws RouteRequestException {
        return TABLE.map(new RouteRequest(method, path, query, name -> headers.entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null)),
                BUILTINS);
    }

    @Test
    void aPublicRouteHasNoChecks() throws Exception {
        MappedRequest mapped = map("GET", "/healthz", null, Map.of()).orElseThrow();
        assertThat(mapped.publicRoute()).isTrue();
        assertThat(mapped.checks()).isEmpty();
        assertThat(mapped.sid()).isEqualTo("Health");
    }

    @Test
    void theRootPathMatchesOnlyTheRootRoute() throws Exception {
        assertThat(map("GET", "/", null, Map.of()).orElseThrow().checks())
                .containsExactly(new Check("s3:ListAllMyBuckets", "*"));
    }

    @Test
    void queryPredicatesPickTheSubresourceRouteFirst() throws Exception {
        assertThat(map("GET", "/downloads", "policy", Map.of()).orElseThrow().checks())
                .containsExactly(new Check("s3:GetBucketPolicy", "arn:aws:s3:::downloads"));
        assertThat(map("GET", "/downloads/", "list-type=2", Map.of()).orElseThrow().checks())
                .containsExactly(new Check("s3:ListBucket", "arn:aws:s3:::downloads"));
    }

    @Test
    void contextKeysCarryDecodedQueryValuesAndOmitAbsentOnes() throws Exception {
        MappedRequest mapped = map("GET", "/downloads", "list-type=2&prefix=logs%2F2026+11&delimiter=%2F",
                Map.of()).orElseThrow();
        assertThat(mapped.context()).containsOnly(Map.entry("s3:prefix", ContextValue.of("logs/2026 11")),
                Map.entry("s3:authType", ContextValue.of("REST-HEADER")));
    }

    @Test
    void aGreedyVariableKeepsSlashesAndDecodesEachSegmentOnce() throws Exception {
        MappedRequest mapped = map("GET", "/downloads/docs/a%20b/c+d%252F.pdf", null, Map.of()).orElseThrow();
        assertThat(mapped.checks()).containsExactly(
                new Check("s3:GetObject", "arn:aws:s3:::downloads/docs/a b/c+d%2F.pdf"));
    }

    @Test
    void aKeyEndingInASlashIsAKey() throws Exception {
        assertThat(map("GET", "/downloads/folder/", null, Map.of()).orElseThrow().checks())
                .containsExactly(new Check("s3:GetObject", "arn:aws:s3:::downloads/folder/"));
    }

    @Test
    void aCopyChecksTheTargetAndTheDecodedSource() throws Exception {
        MappedRequest mapped = map("PUT", "/uploads/copy.pdf", null,
                Map.of("x-amz-copy-source", "/private/secret%20plan.pdf?versionId=3")).orElseThrow();
        assertThat(mapped.checks()).containsExactly(new Check("s3:PutObject", "arn:aws:s3:::uploads/copy.pdf"),
                new Check("s3:GetObject", "arn:aws:s3:::private/secret plan.pdf"));
    }

    @Test
    void headerPredicatesIgnoreCaseAndAbsencePredicatesExclude() throws Exception {
        MappedRequest mapped = map("PUT", "/uploads/a.pdf", null, Map.of("X-AMZ-ACL", "public-read")).orElseThrow();
        assertThat(mapped.checks()).containsExactly(new Check("s3:PutObject", "arn:aws:s3:::uploads/a.pdf"));
        assertThat(mapped.context()).containsEntry("s3:x-amz-acl", ContextValue.of("public-read"));
        assertThat(map("PUT", "/uploads/a.pdf", "uploadId=7&partNumber=1", Map.of())).isEmpty();
    }

    @Test
    void builtinsFillTemplatesAndAnyMethodMatchesStar() throws Exception {
        assertThat(map("DELETE", "/orders/7", null, Map.of()).orElseThrow().checks())
                .containsExactly(new Check("orders:Touch", "arn:aws:orders:eu-west-1:111122223333:order/7"));
    }

    @Test
    void aRouteWhoseReferencesHaveNoValueDoesNotMatch() throws Exception {
        RouteTable table = RouteTable.parse("""
                {"Version": "1", "Protocol": "s3", "Routes": [
                  {"Route": "GET /orders/{id}", "Action": "orders:Get",
                   "Resource": "arn:aws:orders:{region}:{account}:order/{id}"}]}""", "t");
        assertThat(table.map(new RouteRequest("GET", "/orders/7", null, name -> null), Map.of("region", "us-east-1")))
                .as("an anonymous caller has no account").isEmpty();
    }

    @Test
    void anEncodedSlashNeverFillsASingleSegmentVariable() throws Exception {
        assertThat(map("GET", "/down%2Floads", "list-type=2", Map.of())).isEmpty();
    }

    @Test
    void unknownMethodsAndPathsMapToNothing() throws Exception {
        assertThat(map("PATCH", "/downloads/a", null, Map.of())).isEmpty();
        assertThat(map("GET", "/downloads", null, Map.of())).as("ListObjects v1 is not in this table").isEmpty();
    }
}
