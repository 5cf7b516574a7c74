package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Malformed and hostile requests against the running server: each is a precise 4xx in S3's error shape, never a
 * stack trace and never let through unmapped.
 */
class ObjectStoreBadInputTest {

    @TempDir
    Path dir;
    RunningObjectStore store;

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("downloads", "public/setup.exe");
        try (S3Client s3 = store.s3(store.admin)) {
            s3.putBucketPolicy(b -> b.bucket("downloads").policy("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                      "Action": "s3:GetObject", "Resource": "arn:aws:s3:::downloads/public/*"}]}"""));
        }
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void dotDotSegmentsCannotClimbOutOfThePublicPrefix() throws Exception {
        for (String path : new String[] {"/downloads/public/../private/x", "/downloads/public/%2e%2e/private/x",
                "/downloads/public/%2E%2E/private/x"}) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(response).as(path).startsWith("HTTP/1.1 400").contains("<Code>InvalidURI</Code>")
                    .doesNotContain("Exception", "at org.", "at dev.");
        }
    }

    @Test
    void anEncodedSlashInTheBucketNameIsNoRoute() throws Exception {
        String response = raw("GET /downloads%2Fpublic/setup.exe HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 4").contains("<Code>").doesNotContain("Exception");
    }

    @Test
    void anUnknownMethodIsDeniedInS3sShape() throws Exception {
        String response = raw("PATCH /downloads/public/setup.exe HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 403").contains("<Code>AccessDenied</Code>");
    }

    @Test
    void aHugeHeaderSectionIsRefusedInS3sShape() throws Exception {
        String response = raw("GET /downloads/public/setup.exe HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                + "a".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 4").contains("<Code>RequestHeaderSectionTooLarge</Code>");
    }

    @Test
    void aMalformedAuthorizationHeaderIsAuthorizationHeaderMalformed() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                store.uri().resolve("/downloads/public/setup.exe"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=garbage").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>AuthorizationHeaderMalformed</Code>");
    }

    @Test
    void anAnonymousUploadLeavesNothingOnDisk() throws Exception {
        String response = raw("PUT /downloads/public/evil.exe HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
                + "Connection: close\r\n\r\nevil!");
        assertThat(response).startsWith("HTTP/1.1 403");
        try (S3Client s3 = store.s3(store.admin)) {
            assertThat(s3.listObjectsV2(b -> b.bucket("downloads")).contents()).extracting(o -> o.key())
                    .containsExactly("public/setup.exe");
        }
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", store.uri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
