package dev.warden.core.auth.sigv4;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs requests with the AWS SDK for Java v2's own signer ({@link AwsV4HttpSigner}) and turns the result into what
 * arrives at a server: the {@link SignedRequest} view plus the body bytes on the wire.
 */
final class SdkSigner {

    /** 2026-11-23T15:00:00Z: when every SDK-signed request in these tests is signed. */
    static final Instant SIGNED_AT = Instant.parse("2026-11-23T15:00:00Z");

    private final AwsCredentialsIdentity identity;
    private String region = "us-east-1";
    private Instant signedAt = SIGNED_AT;

    private SdkSigner(AwsCredentialsIdentity identity) {
        this.identity = identity;
    }

    static SdkSigner withExampleKey() {
        return new SdkSigner(AwsCredentialsIdentity.create(KeyRing.ACCESS_KEY_ID, KeyRing.SECRET));
    }

    static SdkSigner withSession(String accessKeyId, String secret, String token) {
        return new SdkSigner(AwsSessionCredentialsIdentity.create(accessKeyId, secret, token));
    }

    SdkSigner at(Instant instant) {
        this.signedAt = instant;
        return this;
    }

    SdkSigner region(String name) {
        this.region = name;
        return this;
    }

    /** A request as the SDK sends it, and its body bytes as they travel (chunk-encoded where the signer encodes). */
    record Wire(SignedRequest request, byte[] body) {

        /** The same request with its body buffered, as the servlet layer hands over form posts. */
        SignedRequest buffered() {
            return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(), body);
        }

        InputStream bodyStream() {
            return new ByteArrayInputStream(body);
        }
    }

    /** Signs in the {@code Authorization} header, payload signed (the default for the Query services). */
    Wire sign(String service, SdkHttpRequest request, byte[] body) {
        return sign(service, request, body, b -> { });
    }

    /** S3's settings: path encoded once and not normalised, {@code UNSIGNED-PAYLOAD}. */
    Wire signS3Unsigned(SdkHttpRequest request, byte[] body) {
        return sign("s3", request, body, b -> s3(b).putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
    }

    /** A presigned URL valid for {@code expiry}, S3 settings, payload unsigned. */
    Wire presignS3(SdkHttpRequest request, Duration expiry) {
        return sign("s3", request, null, b -> s3(b)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expiry)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
    }

    /**
     * An {@code aws-chunked} S3 upload: signed chunks ({@code payloadSigning}) or not, with a trailing checksum when
     * {@code checksum} is not {@code null}.
     */
    Wire signS3Chunked(SdkHttpRequest request, byte[] body, boolean payloadSigning, ChecksumAlgorithm checksum) {
        return sign("s3", request, body, b -> {
            s3(b).putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning);
            if (checksum != null) {
                b.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, checksum);
            }
        });
    }

    Wire sign(String service, SdkHttpRequest request, byte[] body,
            Consumer<SignRequest.Builder<AwsCredentialsIdentity>> properties) {
        software.amazon.awssdk.http.auth.spi.signer.SignedRequest signed = AwsV4HttpSigner.create().sign(b -> {
            b.identity(identity)
                    .request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC));
            if (body != null) {
                b.payload(() -> new ByteArrayInputStream(body));
            }
            properties.accept(b);
        });
        SdkHttpRequest http = signed.request();
        byte[] wireBody = signed.payload().map(p -> readAll(p.newStream())).orElse(new byte[0]);
        SignedRequest view = new SignedRequest(http.method().name(), http.encodedPath(),
                http.encodedQueryParameters().orElse(""), http.headers(), null);
        return new Wire(view, wireBody);
    }

    private static SignRequest.Builder<AwsCredentialsIdentity> s3(SignRequest.Builder<AwsCredentialsIdentity> b) {
        return b.putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false);
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
