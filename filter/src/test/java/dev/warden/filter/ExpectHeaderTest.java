package dev.warden.filter;

import static dev.warden.filter.FilteredServer.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * {@code Expect} asks for {@code 100-continue} or for nothing the filter knows: any other expectation is answered
 * {@code 417 Expectation Failed} before the body is sent (RFC 9110, 10.1.1), in the table's protocol, and the request
 * goes no further; {@code 100-continue}, in any case, is honoured as before.
 */
class ExpectHeaderTest {

    @AutoClose
    private final FilteredServer server;
    private final AwsBasicCredentials admin;

    ExpectHeaderTest() throws Exception {
        server = FilteredServer.s3WithAdmin();
        admin = server.admin;
    }

    /** Sends a signed PUT's head with {@code expect}, no body yet, and reads what comes back until the socket idles. */
    private String putHead(String expect) throws Exception {
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        var signed = SdkRequests.s3Upload(admin, SdkRequests.request(SdkHttpMethod.PUT,
                server.uri("/downloads/notes.txt")), data, NOW);
        String head = FilteredServer.rawHead("PUT /downloads/notes.txt HTTP/1.1", signed,
                "Expect: " + expect + "\r\nConnection: close\r\n");
        try (Socket socket = new Socket("127.0.0.1", server.jetty.uri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    private static String readResponse(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
                String so = bytes.toString(StandardCharsets.ISO_8859_1);
                if (so.contains("</Error>") || so.startsWith("HTTP/1.1 100") && so.contains("\r\n\r\n")) {
                    break; // an error document, or a 100 Continue after which the server waits for the body
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            // nothing more came: what came so far is the answer
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void an_expectation_other_than_100_continue_is_417_before_the_body() throws Exception {
        String response = putHead("200-ok");

        // Jetty answers it itself, before any filter; the filter answers it where the container lets it through
        assertThat(response).startsWith("HTTP/1.1 417");
        assertThat(response).doesNotContain("principal=");
    }

    @Test
    void the_filter_answers_an_unsupported_expectation_417_in_the_tables_protocol() throws Exception {
        FakeHttpResponse response = new FakeHttpResponse();
        boolean[] reached = {false};

        server.filter.doFilter(new FakeHttpRequest().header("Expect", "200-ok").build(), response.build(),
                (request, r) -> reached[0] = true);

        assertThat(reached[0]).isFalse();
        assertThat(response.status()).isEqualTo(417);
        assertThat(response.body()).contains("<Code>ExpectationFailed</Code>", "<Message>The expectation "
                + "&quot;200-ok&quot; in the Expect header is not supported; only 100-continue is.</Message>");
    }

    @Test
    void one_unsupported_expectation_among_several_is_enough() throws Exception {
        assertThat(putHead("100-continue, x-trace=1")).startsWith("HTTP/1.1 417");
    }

    @Test
    void _100_continue_in_any_case_is_answered_with_100_continue() throws Exception {
        assertThat(putHead("100-Continue")).startsWith("HTTP/1.1 100");
    }
}
