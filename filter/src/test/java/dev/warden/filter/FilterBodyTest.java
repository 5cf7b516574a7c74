package dev.warden.filter;

import static dev.warden.filter.FilteredServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;

class FilterBodyTest {

    FilteredServer server;
    AwsBasicCredentials admin;
    AwsBasicCredentials reader;

    @BeforeEach
    void start() throws Exception {
        server = new FilteredServer(FilterAuthorizationTest.ROUTES, b -> b);
        admin = server.user("admin", "arn:aws:iam::aws:policy/AdministratorAccess");
        reader = server.user("reader", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theApplicationReadsTheDecodedPayloadOfAChunkedSignedUpload() throws Exception {
        byte[] data = new byte[300 * 1024 + 17];
        new Random(7).nextBytes(data);
        var signed = SdkRequests.s3Upload(admin, SdkRequests.request(SdkHttpMethod.PUT,
                server.uri("/downloads/big.bin")), data, NOW);
        HttpResponse<String> response = server.send(signed.request(), signed.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("body-length=" + data.length, "content-length=" + data.length,
                "body-sha256=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
    }

    @Test
    void headerValuesReachTheVerifierExactlyAsSignedEvenWhereJettyCachesTheirLowerCaseForm() throws Exception {
        var signed = SdkRequests.s3Upload(admin, SdkRequests.request(SdkHttpMethod.PUT,
                server.uri("/downloads/notes.txt")).toBuilder().putHeader("Content-Type", "text/plain; charset=UTF-8")
                .build(), "hello".getBytes(StandardCharsets.UTF_8), NOW);
        assertThat(server.send(signed.request(), signed.body()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTamperedChunkIsRejectedAndTheApplicationNeverFinishesReadingIt() throws Exception {
        byte[] data = new byte[200 * 1024];
        var signed = SdkRequests.s3Upload(admin, SdkRequests.request(SdkHttpMethod.PUT,
                server.uri("/downloads/big.bin")), data, NOW);
        byte[] wire = signed.body().clone();
        wire[wire.length / 2] ^= 1;   // a byte of chunk data, well inside the first or second chunk
        HttpResponse<String> response = server.send(signed.request(), wire);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>").doesNotContain("body-length=");
    }

    @Test
    void aDeniedUploadIsRefusedBeforeItsBodyIsSent() throws Exception {
        byte[] data = new byte[2 * 1024 * 1024];
        var signed = SdkRequests.s3Upload(reader, SdkRequests.request(SdkHttpMethod.PUT,
                server.uri("/downloads/big.bin")), data, NOW);
        String head = FilteredServer.rawHead("PUT /downloads/big.bin HTTP/1.1", signed, "Expect: 100-continue\r\n");
        try (Socket socket = new Socket("127.0.0.1", server.jetty.uri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = readLine(socket.getInputStream());
            assertThat(statusLine).startsWith("HTTP/1.1 403");
        }
    }

    private static String readLine(InputStream in) throws Exception {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }
}
