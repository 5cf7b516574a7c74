package dev.warden.filter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Requests signed by the AWS SDK for Java v2's own SigV4 signer with S3's settings, as an S3 client sends them: the
 * request with its signature, and the body bytes as they travel (chunk-encoded where the signer encodes).
 */
final class SdkRequests {

    /** The Region the filter serves unless a test configures another. */
    static final String DEFAULT_REGION = "us-east-1";

    record Signed(SdkHttpRequest request, byte[] body) {
    }

    private SdkRequests() {
    }

    static SdkHttpRequest request(SdkHttpMethod method, URI uri) {
        return SdkHttpRequest.builder().method(method).uri(uri).build();
    }

    /** Signed in the header at {@code at}, payload unsigned (S3's way for requests without a body). */
    static Signed s3(AwsCredentials credentials, SdkHttpRequest request, Instant at) {
        return s3(credentials, request, at, DEFAULT_REGION);
    }

    /** As {@link #s3(AwsCredentials, SdkHttpRequest, Instant)}, signed for {@code region}. */
    static Signed s3(AwsCredentials credentials, SdkHttpRequest request, Instant at, String region) {
        return sign(credentials, request, null, at, false, false, null, null, region);
    }

    /** A body signed as the SDK signs uploads: {@code aws-chunked}, signed chunks, trailing CRC32. */
    static Signed s3Upload(AwsCredentials credentials, SdkHttpRequest request, byte[] body, Instant at) {
        return sign(credentials, request, body, at, true, true, software.amazon.awssdk.checksums.DefaultChecksumAlgorithm.CRC32,
                null, DEFAULT_REGION);
    }

    /** A presigned URL, signed at {@code at}, valid for {@code expiry}. */
    static Signed presigned(AwsCredentials credentials, SdkHttpRequest request, Instant at, Duration expiry) {
        return presigned(credentials, request, at, expiry, DEFAULT_REGION);
    }

    /** As {@link #presigned(AwsCredentials, SdkHttpRequest, Instant, Duration)}, signed for {@code region}. */
    static Signed presigned(AwsCredentials credentials, SdkHttpRequest request, Instant at, Duration expiry,
                            String region) {
        return sign(credentials, request, null, at, false, false, null, expiry, region);
    }

    private static Signed sign(AwsCredentials credentials, SdkHttpRequest request, byte[] body, Instant at,
                               boolean chunked, boolean payloadSigning, ChecksumAlgorithm checksum, Duration expiry,
                               String region) {
        SignedRequest signed = AwsV4HttpSigner.create().sign(b -> {
            b.identity(credentials).request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning)
                    .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, chunked);
            if (body != null) {
                b.payload(() -> new ByteArrayInputStream(body));
            }
            if (checksum != null) {
                b.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, checksum);
            }
            if (expiry != null) {
                b.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expiry);
            }
        });
        byte[] wire = signed.payload().map(p -> {
            try (var in = p.newStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(new byte[0]);
        return new Signed(signed.request(), wire);
    }
}
