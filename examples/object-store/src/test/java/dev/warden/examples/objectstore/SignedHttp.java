package dev.warden.examples.objectstore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Requests an S3 client would not send as they are, signed by the AWS SDK for Java v2's SigV4 signer with S3's
 * settings and sent with the JDK's HTTP client: headers of the test's choosing, and bodies sent with a length,
 * {@code Transfer-Encoding: chunked} (no length), or in signed {@code aws-chunked} framing.
 */
final class SignedHttp {

    /** How the body travels. */
    enum Body {
        /** {@code UNSIGNED-PAYLOAD}, with a {@code Content-Length}. */
        PLAIN,
        /** {@code UNSIGNED-PAYLOAD}, streamed with {@code Transfer-Encoding: chunked} and no length. */
        STREAMED,
        /** Signed {@code aws-chunked} chunks ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}), with a length. */
        AWS_CHUNKED
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> RESTRICTED = List.of("host", "content-length", "expect", "connection");

    private SignedHttp() {
    }

    static HttpResponse<String> send(URI endpoint, AwsCredentials credentials, String method, String pathAndQuery,
                                     Map<String, String> headers, byte[] body, Body mode) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create(endpoint + pathAndQuery));
        headers.forEach(request::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(b -> {
            b.identity(credentials).request(request.build())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, mode == Body.AWS_CHUNKED)
                    .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, mode == Body.AWS_CHUNKED);
            if (body != null) {
                b.payload(() -> new ByteArrayInputStream(body));
            }
        });
        byte[] wire = signed.payload().map(p -> {
            try (var in = p.newStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(new byte[0]);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : mode == Body.STREAMED ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(wire))
                : HttpRequest.BodyPublishers.ofByteArray(wire);
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.request().getUri()).method(method, publisher);
        signed.request().forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(value -> http.header(name, value));
            }
        });
        try {
            return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
