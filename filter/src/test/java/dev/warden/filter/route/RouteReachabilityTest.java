package dev.warden.filter.route;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteReachabilityTest {

    private static String table(String first, String second) {
        return "{\"Version\": \"1\", \"Protocol\": \"s3\", \"Routes\": [" + first + ", " + second + "]}";
    }

    @ParameterizedTest(name = "{0} before {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"Sid": "Any", "Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{bucket}"} | {"Route": "GET /{bucket}", "Query": {"policy": true}, "Action": "s3:GetBucketPolicy", "Resource": "arn:aws:s3:::{bucket}"} | Any: GET /{bucket}
            {"Sid": "Any", "Route": "* /{bucket}/{key+}", "Public": true} | {"Route": "PUT /b/{key+}", "Action": "s3:PutObject", "Resource": "*"} | Any: * /{bucket}/{key+}
            {"Sid": "Rest", "Route": "GET /{b}/{key+}", "Action": "s3:GetObject", "Resource": "arn:{partition}:s3:::{b}/{key}"} | {"Route": "GET /{b}/x/{k}", "Action": "s3:GetObject", "Resource": "*"} | Rest: GET /{b}/{key+}
            {"Sid": "Tagged", "Route": "GET /{b}", "Query": {"tagging": true}, "Action": "s3:GetBucketTagging", "Resource": "arn:aws:s3:::{b}"} | {"Route": "GET /{b}", "Query": {"tagging": ""}, "Action": "s3:GetBucketTagging", "Resource": "*"} | Tagged: GET /{b}
            """)
    void aRouteThatAnEarlierOneAlwaysWinsIsRefusedNamingBoth(String first, String second, String shadow) {
        assertThatThrownBy(() -> RouteTable.parse(table(first, second), "t.json"))
                .isInstanceOfSatisfying(RouteTableException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.location()).isEqualTo("/Routes/1");
                    org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo("this route can never match: "
                            + "/Routes/0 (" + shadow + ") matches every request it matches and comes first");
                });
    }

    @ParameterizedTest(name = "{0} before {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"Route": "GET /{bucket}", "Query": {"policy": true}, "Action": "s3:GetBucketPolicy", "Resource": "arn:aws:s3:::{bucket}"} | {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{bucket}"}
            {"Route": "GET /{bucket}", "Query": {"uploadId": false}, "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::{bucket}"} | {"Route": "GET /{bucket}", "Action": "s3:ListBucket", "Resource": "*"}
            {"Route": "PUT /{b}/{k+}", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::{header.x-target}"} | {"Route": "PUT /{b}/{k+}", "Action": "s3:PutObject", "Resource": "*"}
            {"Route": "PUT /{b}/{k+}", "Headers": {"x-amz-copy-source": true}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::{header.x-amz-copy-source:path}"} | {"Route": "PUT /{b}/{k+}", "Headers": {"x-amz-copy-source": true}, "Action": "s3:PutObject", "Resource": "*"}
            {"Route": "GET /{b}/{k}", "Action": "s3:GetObject", "Resource": "*"} | {"Route": "GET /{b}/{k+}", "Action": "s3:GetObject", "Resource": "*"}
            {"Route": "GET /orders/{id}", "Action": "orders:Get", "Resource": "arn:aws:orders:{region}:{account}:order/{id}"} | {"Route": "GET /orders/{id}", "Action": "orders:Get", "Resource": "*"}
            {"Route": "DELETE /{b}", "Action": "s3:DeleteBucket", "Resource": "*"} | {"Route": "GET /{b}", "Action": "s3:ListBucket", "Resource": "*"}
            """)
    void aRouteAnEarlierOneMayLetThroughIsKept(String first, String second) {
        assertThatCode(() -> RouteTable.parse(table(first, second), "t.json")).doesNotThrowAnyException();
    }
}
