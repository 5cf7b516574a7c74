package dev.warden.filter.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableParseTest {

    private static String table(String routes) {
        return "{\"Version\": \"2026-11-23\", \"Protocol\": \"s3\", \"Routes\": [" + routes + "]}";
    }

    @Test
    void aValidTableKnowsItsProtocolAndUnmappedRule() throws Exception {
        RouteTable table = RouteTable.parse("""
                {"Version": "2026-11-23", "Protocol": "query", "Unmapped": "Allow", "Routes": [
                  {"Route": "GET /healthz", "Public": true}]}""", "t.json");
        assertThat(table.protocol()).isEqualTo(Protocol.QUERY);
        assertThat(table.allowsUnmapped()).isTrue();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void unmappedRequestsAreDeniedByDefault() throws Exception {
        assertThat(RouteTable.parse(table(""), "t.json").allowsUnmapped()).isFalse();
    }

    @Test
    void aJsonSyntaxErrorNamesLineAndColumn() {
        assertThatThrownBy(() -> RouteTable.parse("{\"Version\": \"1\",\n  \"Protocol\": s3}", "routes.json"))
                .isInstanceOfSatisfying(RouteTableException.class, e -> {
                    assertThat(e.source()).isEqualTo("routes.json");
                    assertThat(e.location()).isEqualTo("line 2, column 15");
                    assertThat(e.reason()).contains("Unrecognized token 's3'");
                });
    }

    @Test
    void aDuplicateKeyIsRefused() {
        assertThatThrownBy(() -> RouteTable.parse("{\"Version\": \"1\", \"Version\": \"2\"}", "t.json"))
                .isInstanceOfSatisfying(RouteTableException.class, e -> assertThat(e.reason())
                        .contains("Duplicate field 'Version'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{bucket}", "Acton": "x"} | /Routes/0/Acton | unknown field 'Acton' (known: [Action, Also, Context, Delegated, Headers, Public, Query, Resource, Route, Sid])
            {"Route": "GET/{bucket}", "Action": "s3:ListBucket", "Resource": "*"} | /Routes/0/Route | 'GET/{bucket}' is not 'METHOD /path' (one space between them)
            {"Route": "get /{bucket}", "Action": "s3:ListBucket", "Resource": "*"} | /Routes/0/Route | 'get' is not an HTTP method in capitals (or '*')
            {"Route": "GET /{key+}/x", "Action": "s3:GetObject", "Resource": "*"} | /Routes/0/Route | '{key+}' must be the last segment
            {"Route": "GET /a{b}", "Action": "s3:GetObject", "Resource": "*"} | /Routes/0/Route | 'a{b}': a variable must be a whole segment
            {"Route": "GET /{b}/{b}", "Action": "s3:GetObject", "Resource": "*"} | /Routes/0/Route | variable 'b' appears twice
            {"Route": "GET /{bucket}", "Resource": "*"} | /Routes/0/Action | missing (a route needs an Action and a Resource, or "Public": true)
            {"Route": "GET /{bucket}", "Action": "s3:ListBucket"} | /Routes/0/Resource | missing (use "*" for actions on no particular resource)
            {"Route": "GET /{bucket}", "Action": "ListBucket", "Resource": "*"} | /Routes/0/Action | 'ListBucket' is not 'service:Action'
            {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "bucket"} | /Routes/0/Resource | 'bucket' is neither '*' nor an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)
            {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{bukket}"} | /Routes/0/Resource | '{bukket}' is neither a variable of the route's path nor query.NAME, header.NAME or one of [account, auth.content-sha256, auth.signature-age, auth.signature-version, auth.type, partition, region]
            {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{bucket"} | /Routes/0/Resource | '{' at character 13 is not closed
            {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{bucket:lower}"} | /Routes/0/Resource | unknown modifier ':lower' in '{bucket:lower}' (the only one is ':path')
            {"Route": "GET /healthz", "Public": true, "Action": "s3:ListBucket"} | /Routes/0/Action | a public route authorizes nothing, so it has no Action
            {"Route": "POST /{b}", "Delegated": true, "Resource": "*"} | /Routes/0/Resource | a delegated route leaves authorization to the application, so it has no Resource
            {"Route": "POST /{b}", "Delegated": true, "Public": true} | /Routes/0/Delegated | a route is either Public or Delegated
            {"Route": "POST /{b}", "Delegated": "yes"} | /Routes/0/Delegated | must be true or false
            {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "*", "Query": {"list-type": 2}} | /Routes/0/Query/list-type | must be a string (that exact value), true (present) or false (absent)
            {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "*", "Also": {}} | /Routes/0/Also | must be an array of {"Action", "Resource"}
            {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "*", "Context": {"prefix": "{query.prefix}"}} | /Routes/0/Context/prefix | a condition key is 'service:name'
            """)
    void everyMistakeIsNamedByItsJsonPointer(String route, String pointer, String reason) {
        assertThatThrownBy(() -> RouteTable.parse(table(route), "routes.json"))
                .isInstanceOfSatisfying(RouteTableException.class, e -> {
                    assertThat(e.location()).isEqualTo(pointer);
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isEqualTo("routes.json: " + pointer + ": " + reason);
                });
    }

    @Test
    void theProtocolMustBeKnown() {
        assertThatThrownBy(() -> RouteTable.parse("{\"Version\": \"1\", \"Protocol\": \"soap\", \"Routes\": []}", "t"))
                .hasMessage("t: /Protocol: 'soap' is not one of \"s3\", \"query\", \"json\"");
    }

    @Test
    void routesAreRequired() {
        assertThatThrownBy(() -> RouteTable.parse("{\"Version\": \"1\", \"Protocol\": \"s3\"}", "t"))
                .hasMessage("t: /Routes: missing");
    }
}
