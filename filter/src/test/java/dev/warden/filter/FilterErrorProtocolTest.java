package dev.warden.filter;

import static dev.warden.filter.FilteredServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.spi.Principal;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;

/** Denials in the route table's protocol, and EC2-style encoded messages that STS decodes. */
class FilterErrorProtocolTest {

    static final String JSON_ROUTES = """
            {"Version": "2026-11-23", "Protocol": "json", "Routes": [
              {"Route": "POST /tables/{name}", "Action": "dynamodb:PutItem",
               "Resource": "arn:aws:dynamodb:{region}:{account}:table/{name}"}]}""";

    @Test
    void aJsonProtocolDenialIsAccessDeniedExceptionWithTheRequestIdHeader() throws Exception {
        try (FilteredServer server = new FilteredServer(JSON_ROUTES, b -> b)) {
            AwsBasicCredentials nobody = server.user("nobody");
            var signed = SdkRequests.s3(nobody, SdkRequests.request(SdkHttpMethod.POST, server.uri("/tables/orders")),
                    NOW);
            HttpResponse<String> response = server.send(signed.request(), null);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
            assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.get("__type").asText()).isEqualTo("AccessDeniedException");
            assertThat(body.get("message").asText()).isEqualTo("User: arn:aws:iam::111122223333:user/nobody is not "
                    + "authorized to perform: dynamodb:PutItem on resource: "
                    + "arn:aws:dynamodb:us-east-1:111122223333:table/orders because no identity-based policy allows "
                    + "the dynamodb:PutItem action");
        }
    }

    @Test
    void anEncodedDenialDecodesWithStsToTheDecisionItHides() throws Exception {
        try (FilteredServer server = new FilteredServer(JSON_ROUTES, b -> b.encodeDenials(true))) {
            AwsBasicCredentials nobody = server.user("nobody");
            var signed = SdkRequests.s3(nobody, SdkRequests.request(SdkHttpMethod.POST, server.uri("/tables/orders")),
                    NOW);
            String message = new ObjectMapper().readTree(server.send(signed.request(), null).body()).get("message")
                    .asText();
            String prefix = "You are not authorized to perform this operation. Encoded authorization failure message: ";
            assertThat(message).startsWith(prefix).doesNotContain("dynamodb:PutItem");
            var decoded = server.warden.sts().call(dev.warden.core.auth.Caller.of(
                            Principal.of("arn:aws:iam::111122223333:root")), null, "DecodeAuthorizationMessage",
                    Map.of("EncodedMessage", message.substring(prefix.length())));
            assertThat(decoded.get("DecodedMessage").asText()).contains("dynamodb:PutItem",
                    "arn:aws:dynamodb:us-east-1:111122223333:table/orders", "\"allowed\":false");
        }
    }
}
