package dev.warden.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Requests signed by the AWS SDK for Java v2's own {@link AwsV4HttpSigner} with S3's settings (no double URL
 * encoding, no path normalisation, region us-east-1), rendered once as the raw HTTP/1.1 bytes a client would send,
 * so the benchmarks replay them without any client-side work. A signature stays valid for 15 minutes around its
 * time, which is why the load test can sign once per connection with the real clock.
 */
final class SignedHttp {

    /**
     * Whether the client keeps the connection for the next request, or asks the server to close it after this one
     * ({@code Connection: close}, not signed: SigV4 lets a client add unsigned headers).
     */
    enum Connection { KEEP_ALIVE, CLOSE }

    private SignedHttp() {
    }

    /**
     * A GET signed in the {@code Authorization} header with {@code UNSIGNED-PAYLOAD} (what S3 clients send for
     * requests without a body).
     */
    static byte[] get(AwsCredentials credentials, URI uri, Instant at, Connection connection) {
        return render(sign(credentials, SdkHttpMethod.GET, uri, null, at, false), null, connection);
    }

    /**
     * A PUT of {@code body} whose {@code x-amz-content-sha256} is the body's hash ({@code signedPayload}: the filter
     * checks the hash as the servlet reads), or {@code UNSIGNED-PAYLOAD}.
     */
    static byte[] put(AwsCredentials credentials, URI uri, byte[] body, Instant at, boolean signedPayload,
                      Connection connection) {
        return render(sign(credentials, SdkHttpMethod.PUT, uri, body, at, signedPayload), body, connection);
    }

    private static SdkHttpRequest sign(AwsCredentials credentials, SdkHttpMethod method, URI uri, byte[] body,
                                       Instant at, boolean signedPayload) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(method).uri(uri);
        if (body != null) {
            request.putHeader("Content-Length", Integer.toString(body.length));
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(b -> {
            b.identity(credentials).request(request.build())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, signedPayload)
                    .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false);
            if (body != null) {
                b.payload(ContentStreamProvider.fromByteArray(body));
            }
        });
        return signed.request();
    }

    /** Request line, the signed request's headers (plus Host if the signer left it implicit), blank line, body. */
    private static byte[] render(SdkHttpRequest request, byte[] body, Connection connection) {
        StringBuilder head = new StringBuilder(1024);
        String query = request.encodedQueryParameters().map(q -> "?" + q).orElse("");
        head.append(request.method().name()).append(' ').append(request.encodedPath()).append(query)
                .append(" HTTP/1.1\r\n");
        boolean host = false;
        for (var header : request.headers().entrySet()) {
            host |= header.getKey().toLowerCase(Locale.ROOT).equals("host");
            for (String value : header.getValue()) {
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        if (!host) {
            head.append("Host: ").append(request.host());
            if (request.port() != 80) {
                head.append(':').append(request.port());
            }
            head.append("\r\n");
        }
        if (connection == Connection.CLOSE) {
            head.append("Connection: close\r\n");
        }
        head.append("User-Agent: warden-bench\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + (body == null ? 0 : body.length));
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** The status code of a raw HTTP/1.x response ({@code HTTP/1.1 200 OK...}), or -1. */
    static int status(byte[] response, int offset) {
        int at = offset + 9;
        if (response.length < at + 3 || response[offset] != 'H') {
            return -1;
        }
        return (response[at] - '0') * 100 + (response[at + 1] - '0') * 10 + (response[at + 2] - '0');
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
