package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.filter.WardenFilter;
import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * S3's error documents and statuses as they go over the wire, for what the SDK would refuse to send or would hide:
 * the XML shape, the request id, HEAD without a body, invalid names and digests, unknown subresources, XML attacks.
 */
class S3ErrorDocumentTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("errors"));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.uri + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noSuchKeyIsS3sErrorDocumentWithTheRequestId() throws Exception {
        HttpResponse<String> response = send("GET", "/errors/missing%20key", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/xml"));
        String requestId = response.headers().firstValue("x-amz-request-id").orElseThrow();
        assertThat(response.headers().firstValue("x-amz-id-2")).isPresent();
        assertThat(response.body()).startsWith("<?xml").contains("<Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message>")
                .contains("<Resource>/errors/missing key</Resource>")
                .contains("<RequestId>" + requestId + "</RequestId>");
    }

    @Test
    void headOfAMissingObjectIs404WithoutABody() throws Exception {
        HttpResponse<String> response = send("HEAD", "/errors/missing", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Upper", "under_score", "192.168.0.1", "a..b", "-dash", "xn--punycode"})
    void invalidBucketNamesAreInvalidBucketName(String name) throws Exception {
        HttpResponse<String> response = send("PUT", "/" + name, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidBucketName</Code>");
    }

    @Test
    void unknownSubresourceIsNotImplemented() throws Exception {
        HttpResponse<String> response = send("GET", "/errors?versioning", null);

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.body()).contains("<Code>NotImplemented</Code>");
    }

    @Test
    void aMethodNoRouteNamesIsRefusedAndNothingIsWritten() throws Exception {
        HttpResponse<String> response = send("PATCH", "/errors/k", "x");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>");
        assertThat(fixture.store.find("errors", "k")).isEmpty();
    }

    @Test
    void contentMd5IsCheckedInvalidDigestOrBadDigestAndNothingIsStored() throws Exception {
        assertThat(send("PUT", "/errors/k", "hello", "Content-MD5", "not base64!").body())
                .contains("<Code>InvalidDigest</Code>");
        HttpResponse<String> bad = send("PUT", "/errors/k", "hello", "Content-MD5", "AAAAAAAAAAAAAAAAAAAAAA==");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("<Code>BadDigest</Code>");
        assertThat(fixture.store.find("errors", "k")).isEmpty();

        HttpResponse<String> good = send("PUT", "/errors/k", "hello", "Content-MD5", "XUFAKrxLKna5cZ2REBfFkg==");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.headers().firstValue("ETag")).hasValue("\"5d41402abc4b2a76b9719d911017c592\"");
    }

    @Test
    void tooLongKeyIsKeyTooLongError() throws Exception {
        HttpResponse<String> response = send("PUT", "/errors/" + "k".repeat(1025), "x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>KeyTooLongError</Code>");
    }

    @Test
    void externalEntitiesAreRefusedAsMalformedXml() throws Exception {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "TOP-SECRET");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Delete><Object><Key>&x;</Key></Object></Delete>";
        try {
            HttpResponse<String> response = send("POST", "/errors?delete", body);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("<Code>MalformedXML</Code>").doesNotContain("TOP-SECRET");
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void predefinedEntitiesInKeysAreDecoded() throws Exception {
        fixture.s3.putObject(p -> p.bucket("errors").key("a&b<c"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));

        HttpResponse<String> response = send("POST", "/errors?delete",
                "<Delete><Object><Key>a&amp;b&lt;c</Key></Object></Delete>");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Deleted><Key>a&amp;b&lt;c</Key></Deleted>");
        assertThat(fixture.store.find("errors", "a&b<c")).isEmpty();
    }

    @Test
    void filtersRequestIdIsUsed() throws Exception {
        Filter setsId = (request, response, chain) -> {
            request.setAttribute(WardenFilter.REQUEST_ID, "REQ-FROM-FILTER");
            chain.doFilter(request, response);
        };
        try (S3Fixture withId = new S3Fixture(S3Access.trusting(S3Fixture.ACCOUNT), setsId)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(withId.uri + "/nobucket"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.headers().firstValue("x-amz-request-id")).hasValue("REQ-FROM-FILTER");
            assertThat(response.body()).contains("<Code>NoSuchBucket</Code>")
                    .contains("<RequestId>REQ-FROM-FILTER</RequestId>");
        }
    }
}
