package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Upload bodies as S3 takes them: a plain PUT streamed with {@code Transfer-Encoding: chunked} and no length is
 * refused as S3 refuses it (501 naming the header), and {@code aws-chunked} combined with another content coding
 * is decoded of its framing only, the object keeping the other coding.
 */
class ChunkedUploadDialectTest {

    @TempDir
    Path dir;
    RunningObjectStore store;

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("uploads");
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void aPlainPutWithoutALengthIsNotImplementedForItsTransferEncodingAndStoresNothing() throws Exception {
        HttpResponse<String> response = SignedHttp.send(store.uri(), store.admin, "PUT", "/uploads/streamed.txt",
                Map.of(), "hello".getBytes(StandardCharsets.UTF_8), SignedHttp.Body.STREAMED);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(501);
        assertThat(response.body()).contains("<Code>NotImplemented</Code>",
                "<Message>A header you provided implies functionality that is not implemented</Message>",
                "<Header>Transfer-Encoding</Header>");
        try (S3Client s3 = store.s3(store.admin)) {
            assertThat(s3.listObjectsV2(b -> b.bucket("uploads")).contents()).isEmpty();
        }
    }

    @Test
    void awsChunkedBesideGzipIsDecodedOfItsFramingAndStoredAsGzip() throws Exception {
        byte[] gzipped = gzip("a compressed report".repeat(50));
        HttpResponse<String> response = SignedHttp.send(store.uri(), store.admin, "PUT", "/uploads/report.txt",
                Map.of("Content-Encoding", "aws-chunked,gzip", "Content-Type", "text/plain"), gzipped,
                SignedHttp.Body.AWS_CHUNKED);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (S3Client s3 = store.s3(store.admin)) {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket("uploads")
                    .key("report.txt"));
            assertThat(object.response().contentEncoding()).isEqualTo("gzip");
            assertThat(object.asByteArray()).isEqualTo(gzipped);
        }
    }

    @Test
    void theSdksOwnGzipUploadKeepsItsContentEncoding() throws Exception {
        byte[] gzipped = gzip("the SDK sends aws-chunked beside gzip");
        try (S3Client s3 = store.s3(store.admin)) {
            s3.putObject(b -> b.bucket("uploads").key("sdk.txt").contentEncoding("gzip"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(gzipped));
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket("uploads").key("sdk.txt"));
            assertThat(object.response().contentEncoding()).isEqualTo("gzip");
            assertThat(object.asByteArray()).isEqualTo(gzipped);
        }
    }

    private static byte[] gzip(String text) throws java.io.IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return gzipped.toByteArray();
    }
}
