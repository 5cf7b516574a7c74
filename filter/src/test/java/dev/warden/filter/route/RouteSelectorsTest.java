package dev.warden.filter.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code Selectors}: query parameters that each pick an operation. A route matches only the selectors it names, and
 * a request naming selectors no one route takes together is refused instead of being matched by whichever route
 * comes first.
 */
class RouteSelectorsTest {

    static final String ROUTES = """
            {"Version": "2026-11-23", "Protocol": "%s", "Selectors": ["acl", "policy", "uploadId", "partNumber"],
             "Routes": [
              {"Sid": "ListObjects", "Route": "GET /{bucket}", "Action": "s3:ListBucket",
               "Resource": "arn:aws:s3:::{bucket}"},
              {"Sid": "GetBucketPolicy", "Route": "GET /{bucket}", "Query": {"policy": true},
               "Action": "s3:GetBucketPolicy", "Resource": "arn:aws:s3:::{bucket}"},
              {"Sid": "PutObjectAcl", "Route": "PUT /{bucket}/{key+}", "Query": {"acl": true},
               "Action": "s3:PutObjectAcl", "Resource": "arn:aws:s3:::{bucket}/{key}"},
              {"Sid": "UploadPart", "Route": "PUT /{bucket}/{key+}", "Query": {"uploadId": true, "partNumber": true},
               "Action": "s3:PutObject", "Resource": "arn:aws:s3:::{bucket}/{key}"},
              {"Sid": "PutObject", "Route": "PUT /{bucket}/{key+}",
               "Action": "s3:PutObject", "Resource": "arn:aws:s3:::{bucket}/{key}"},
              {"Sid": "GetObject", "Route": "GET /{bucket}/{key+}",
               "Action": "s3:GetObject", "Resource": "arn:aws:s3:::{bucket}/{key}"},
              {"Sid": "GetObject", "Route": "GET /{bucket}/{key+}", "Query": {"partNumber": true},
               "Action": "s3:GetObject", "Resource": "arn:aws:s3:::{bucket}/{key}"}
            ]}""";

    static RouteTable table(String protocol) throws RouteTableException {
        return RouteTable.parse(ROUTES.formatted(protocol), "selectors.json");
    }

    static Optional<MappedRequest> map(RouteTable table, String method, String path, String query)
            throws RouteRequestException {
        return table.map(new RouteRequest(method, path, query, name -> null), Map.of("partition", "aws"));
    }

    @Test
    void aRouteWithoutAQueryDoesNotMatchASelectorEvenWhenItComesFirst() throws Exception {
        RouteTable table = table("s3");
        assertThat(map(table, "GET", "/b", "policy").orElseThrow().sid()).isEqualTo("GetBucketPolicy");
        assertThat(map(table, "GET", "/b", "prefix=x").orElseThrow().sid()).isEqualTo("ListObjects");
        assertThat(map(table, "PUT", "/b/k", "acl").orElseThrow().sid()).isEqualTo("PutObjectAcl");
        assertThat(map(table, "GET", "/b/k", "acl")).as("no GET route names acl").isEmpty();
        assertThat(map(table, "PUT", "/b/k", "partNumber=1")).as("partNumber alone is no PUT").isEmpty();
    }

    @Test
    void selectorsOneRouteTakesTogetherAreMappedToThatRoute() throws Exception {
        assertThat(map(table("s3"), "PUT", "/b/k", "uploadId=U&partNumber=2").orElseThrow().sid())
                .isEqualTo("UploadPart");
        assertThat(map(table("s3"), "GET", "/b/k", "partNumber=2").orElseThrow().sid()).isEqualTo("GetObject");
    }

    @Test
    void selectorsOfDifferentOperationsAreRefusedWithS3sConflictNamingThemAlphabetically() {
        assertThatThrownBy(() -> map(table("s3"), "PUT", "/b/k", "uploadId=U&partNumber=1&acl"))
                .isInstanceOfSatisfying(RouteRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidArgument");
                    assertThat(e.getMessage()).isEqualTo("Conflicting query string parameters: acl, partNumber, "
                            + "uploadId");
                    assertThat(e.details()).containsExactly(Map.entry("ArgumentName", "ResourceType"),
                            Map.entry("ArgumentValue", "acl"));
                });
        assertThatThrownBy(() -> map(table("s3"), "GET", "/b", "policy&acl"))
                .isInstanceOfSatisfying(RouteRequestException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Conflicting query string parameters: acl, policy"));
    }

    @Test
    void otherProtocolsAnswerInvalidParameterCombination() {
        assertThatThrownBy(() -> map(table("json"), "GET", "/b", "acl=&policy=1"))
                .isInstanceOfSatisfying(RouteRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterCombination");
                    assertThat(e.getMessage()).isEqualTo("Conflicting query parameters: acl, policy");
                });
    }

    @Test
    void aRouteIsShadowedOnlyByOneTakingTheSameSelectors() {
        String table = """
                {"Version": "1", "Protocol": "s3", "Selectors": ["policy"], "Routes": [
                  {"Sid": "Any", "Route": "GET /{b}", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{b}"},
                  {"Route": "GET /{b}", "Query": {"policy": true}, "Action": "s3:GetBucketPolicy",
                   "Resource": "arn:aws:s3:::{b}"},
                  {"Route": "GET /{b}", "Query": {"policy": ""}, "Action": "s3:GetBucketPolicy",
                   "Resource": "arn:aws:s3:::{b}"}
                ]}""";
        assertThatThrownBy(() -> RouteTable.parse(table, "t.json"))
                .isInstanceOfSatisfying(RouteTableException.class, e -> {
                    assertThat(e.location()).isEqualTo("/Routes/2");
                    assertThat(e.reason()).startsWith("this route can never match: /Routes/1 ");
                });
    }

    @Test
    void selectorsMustBeDistinctQueryNames() {
        assertThatThrownBy(() -> RouteTable.parse("""
                {"Version": "1", "Protocol": "s3", "Selectors": ["acl", "acl"], "Routes": []}""", "t.json"))
                .isInstanceOfSatisfying(RouteTableException.class, e -> {
                    assertThat(e.location()).isEqualTo("/Selectors/1");
                    assertThat(e.reason()).isEqualTo("'acl' is listed twice");
                });
        assertThatThrownBy(() -> RouteTable.parse("""
                {"Version": "1", "Protocol": "s3", "Selectors": "acl", "Routes": []}""", "t.json"))
                .isInstanceOfSatisfying(RouteTableException.class, e -> assertThat(e.location())
                        .isEqualTo("/Selectors"));
        assertThatCode(() -> RouteTable.parse("""
                {"Version": "1", "Protocol": "s3", "Selectors": [], "Routes": []}""", "t.json"))
                .doesNotThrowAnyException();
    }
}
