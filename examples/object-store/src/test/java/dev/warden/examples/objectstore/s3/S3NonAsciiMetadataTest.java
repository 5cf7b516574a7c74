package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Non-ASCII user metadata as S3 keeps it: RFC 2047 encoded-words are decoded before storing, and a value that is not
 * printable US-ASCII is answered as one B-encoded UTF-8 word; an ASCII value comes back as it was sent.
 */
class S3NonAsciiMetadataTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("meta"));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private HttpResponse<String> put(String key, String name, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fixture.uri + "/meta/" + key))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).header(name, value).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String head(String key, String name) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fixture.uri + "/meta/" + key))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue(name).orElse(null);
    }

    @Test
    void encodedWordsAreStoredDecodedAndAnsweredBEncoded() throws Exception {
        assertThat(put("b.txt", "x-amz-meta-city", "=?UTF-8?B?WsO8cmljaA==?=").statusCode()).isEqualTo(200);
        assertThat(put("q.txt", "x-amz-meta-city", "=?utf-8?Q?Z=C3=BCrich_am_See?=").statusCode()).isEqualTo(200);

        assertThat(fixture.store.find("meta", "b.txt").orElseThrow().headers().userMetadata())
                .containsEntry("city", "Z\u00fcrich");
        assertThat(fixture.store.find("meta", "q.txt").orElseThrow().headers().userMetadata())
                .containsEntry("city", "Z\u00fcrich am See");
        assertThat(head("b.txt", "x-amz-meta-city")).isEqualTo("=?UTF-8?B?WsO8cmljaA==?=");
        assertThat(head("q.txt", "x-amz-meta-city")).isEqualTo("=?UTF-8?B?WsO8cmljaCBhbSBTZWU=?=");
    }

    @Test
    void rawHeaderBytesAreReadAsIso88591AndAnsweredAsTheUtf8OfThoseCharacters() throws Exception {
        // what curl sends for "Zürich" typed in a UTF-8 terminal: S3 reads each byte as one character
        byte[] utf8 = "Z\u00fcrich".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rawPut("raw.txt", utf8)).startsWith("HTTP/1.1 200");

        assertThat(fixture.store.find("meta", "raw.txt").orElseThrow().headers().userMetadata())
                .containsEntry("city", new String(utf8, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(head("raw.txt", "x-amz-meta-city")).isEqualTo("=?UTF-8?B?WsODwrxyaWNo?=");
    }

    private String rawPut(String key, byte[] metadataValue) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(fixture.uri.getHost(), fixture.uri.getPort())) {
            var out = socket.getOutputStream();
            out.write(("PUT /meta/" + key + " HTTP/1.1\r\nHost: " + fixture.uri.getAuthority()
                    + "\r\nContent-Length: 1\r\nConnection: close\r\nx-amz-meta-city: ")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(metadataValue);
            out.write("\r\n\r\nx".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void asciiValuesAndTextThatOnlyLooksEncodedComeBackAsSent() throws Exception {
        fixture.s3.putObject(b -> b.bucket("meta").key("ascii.txt")
                .metadata(Map.of("plain", "a value; with = signs", "odd", "=?nosuchcharset?B?QQ==?=")),
                RequestBody.fromString("x"));

        assertThat(fixture.s3.headObject(b -> b.bucket("meta").key("ascii.txt")).metadata())
                .containsEntry("plain", "a value; with = signs").containsEntry("odd", "=?nosuchcharset?B?QQ==?=");
    }

    @Test
    void theMetadataLimitCountsTheUtf8BytesOfWhatIsStored() throws Exception {
        // "long" and 1,020 two-byte characters: 2,044 bytes stored, though the encoded header is longer than 2 KB
        assertThat(put("fits.txt", "x-amz-meta-long", encodedWord("\u00e9".repeat(1020))).statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = put("big.txt", "x-amz-meta-long", encodedWord("\u00e9".repeat(1023)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MetadataTooLarge</Code>");
    }

    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?=";
    }
}
