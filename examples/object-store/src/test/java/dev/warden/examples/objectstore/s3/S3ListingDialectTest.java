package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Listings as S3 writes them for what the SDKs decode silently: {@code encoding-type=url} (S3's encoding keeps
 * {@code /}, writes a space as {@code +}, takes {@code URL} in any case and echoes it), an empty {@code delimiter}
 * (none), and an empty {@code continuation-token} (refused, naming the parameter but not its value).
 */
class S3ListingDialectTest {

    static S3Fixture fixture;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("dialect"));
        for (String key : new String[] {"docs/a b+c.txt", "docs/\u00e9t\u00e9/x.txt", "docs/z~*.txt", "top.txt"}) {
            fixture.s3.putObject(b -> b.bucket("dialect").key(key), RequestBody.fromString(key));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static HttpResponse<String> get(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(fixture.uri + "/dialect?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void v2EncodesKeysPrefixesDelimiterAndStartAfterAsS3Does() throws Exception {
        String body = get("list-type=2&encoding-type=url&prefix=docs%2F&delimiter=%2F&start-after=docs%2Fa%20a")
                .body();

        assertThat(body).contains("<Prefix>docs/</Prefix>", "<Delimiter>/</Delimiter>",
                "<EncodingType>url</EncodingType>", "<StartAfter>docs/a+a</StartAfter>",
                "<Key>docs/a+b%2Bc.txt</Key>", "<Key>docs/z%7E*.txt</Key>",
                "<CommonPrefixes><Prefix>docs/%C3%A9t%C3%A9/</Prefix></CommonPrefixes>");
    }

    @Test
    void v1EncodesMarkerAndNextMarkerAndTakesUrlInAnyCase() throws Exception {
        String body = get("encoding-type=URL&prefix=docs%2F&delimiter=%2F&marker=docs%2Fa%20a&max-keys=1").body();

        assertThat(body).contains("<EncodingType>URL</EncodingType>", "<Marker>docs/a+a</Marker>",
                "<Key>docs/a+b%2Bc.txt</Key>", "<NextMarker>docs/a+b%2Bc.txt</NextMarker>");
    }

    @Test
    void anEncodingOtherThanUrlIsRefused() throws Exception {
        HttpResponse<String> response = get("list-type=2&encoding-type=base64");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidArgument</Code>",
                "<Message>Invalid Encoding Method specified in Request</Message>",
                "<ArgumentName>encoding-type</ArgumentName><ArgumentValue>base64</ArgumentValue>");
    }

    @Test
    void anEmptyDelimiterIsNoDelimiter() throws Exception {
        String v2 = get("list-type=2&delimiter=").body();
        String v1 = get("delimiter=").body();

        for (String body : new String[] {v2, v1}) {
            assertThat(body).contains("<Key>docs/a b+c.txt</Key>", "<Key>top.txt</Key>")
                    .doesNotContain("<Delimiter>", "<CommonPrefixes>");
        }
    }

    @Test
    void anEmptyContinuationTokenIsRefusedNamingTheParameterOnly() throws Exception {
        HttpResponse<String> response = get("list-type=2&continuation-token=");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidArgument</Code>",
                "<Message>The continuation token provided is incorrect</Message>",
                "<ArgumentName>continuation-token</ArgumentName>").doesNotContain("<ArgumentValue>");
    }
}
