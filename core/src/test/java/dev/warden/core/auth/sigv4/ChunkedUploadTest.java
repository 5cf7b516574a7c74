package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

/**
 * S3 uploads chunk-encoded by the AWS SDK's signer ({@code aws-chunked}, 128 KiB chunks) decode to the bytes that were
 * sent, in all three streaming modes and with every trailing checksum S3's SDK can compute without its native library;
 * a changed chunk is refused before any of its bytes are handed out.
 */
class ChunkedUploadTest {

    private static final int CHUNK = ChunkedBodies.CHUNK;

    private final SigV4Verifier<TestCredential> verifier =
            new SigV4Verifier<>(KeyRing.withExampleKey(), Clock.fixed(SdkSigner.SIGNED_AT, ZoneOffset.UTC));

    static Stream<Arguments> uploads() {
        return Stream.of(0, 1, CHUNK, 300 * 1024).flatMap(size -> Stream.of(
                Arguments.of(size, true, null, PayloadMode.STREAMING_SIGNED),
                Arguments.of(size, true, DefaultChecksumAlgorithm.CRC32, PayloadMode.STREAMING_SIGNED_TRAILER),
                Arguments.of(size, false, DefaultChecksumAlgorithm.CRC32, PayloadMode.STREAMING_UNSIGNED_TRAILER)));
    }

    @ParameterizedTest(name = "{0} bytes, {3}")
    @MethodSource("uploads")
    void decodesTheBodyThatWasSent(int size, boolean signedChunks, ChecksumAlgorithm checksum, PayloadMode mode)
            throws AuthenticationException, IOException {
        byte[] body = ChunkedBodies.randomBody(size);
        SdkSigner.Wire wire = ChunkedBodies.upload(body, signedChunks, checksum);

        VerifiedRequest<TestCredential> verified = verifier.verify(wire.request());

        assertThat(verified.payloadMode()).isEqualTo(mode);
        assertThat(verified.decodedContentLength()).hasValue(size);
        assertThat(wire.request().header("x-amz-content-sha256")).isEqualTo(mode.headerValue());
        assertThat(verified.payload(wire.bodyStream()).readAllBytes()).isEqualTo(body);
    }

    @ParameterizedTest
    @EnumSource(value = DefaultChecksumAlgorithmName.class)
    void checksTheTrailingChecksumOfEveryAlgorithm(DefaultChecksumAlgorithmName algorithm)
            throws AuthenticationException, IOException {
        byte[] body = ChunkedBodies.randomBody(300 * 1024);
        SdkSigner.Wire wire = ChunkedBodies.upload(body, true, algorithm.algorithm);

        byte[] decoded = verifier.verify(wire.request()).payload(wire.bodyStream()).readAllBytes();

        assertThat(decoded).isEqualTo(body);
        assertThat(wire.request().header("x-amz-trailer"))
                .isEqualTo("x-amz-checksum-" + algorithm.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(ChunkedBodies.framing(wire.body(), 0)).contains("x-amz-checksum-" + algorithm.name().toLowerCase()
                + ":");
    }

    enum DefaultChecksumAlgorithmName {
        CRC32(DefaultChecksumAlgorithm.CRC32),
        CRC32C(DefaultChecksumAlgorithm.CRC32C),
        SHA1(DefaultChecksumAlgorithm.SHA1),
        SHA256(DefaultChecksumAlgorithm.SHA256);

        final ChecksumAlgorithm algorithm;

        DefaultChecksumAlgorithmName(ChecksumAlgorithm algorithm) {
            this.algorithm = algorithm;
        }
    }

    @ParameterizedTest(name = "signed trailer: {0}")
    @EnumSource(value = PayloadMode.class, names = {"STREAMING_SIGNED", "STREAMING_SIGNED_TRAILER"})
    void handsOutNoByteOfAChunkWhoseSignatureFails(PayloadMode mode) throws AuthenticationException {
        byte[] body = ChunkedBodies.randomBody(300 * 1024);
        SdkSigner.Wire wire = ChunkedBodies.upload(body,
                true, mode.hasTrailer() ? DefaultChecksumAlgorithm.CRC32 : null);
        byte[] tampered = ChunkedBodies.flipDataByte(wire.body(), 2, 4_000);
        InputStream payload = verifier.verify(wire.request()).payload(new ByteArrayInputStream(tampered));

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        PayloadRejectedException rejected = readUntilRejected(payload, received);

        assertThat(rejected.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
        assertThat(rejected).hasMessage("The chunk-signature of chunk 2 does not match the signature we calculated.");
        assertThat(received.toByteArray()).isEqualTo(Arrays.copyOf(body, CHUNK));
        assertThatThrownBy(payload::read).isSameAs(rejected);
    }

    @Test
    void refusesAChangeInTheLastShortChunk() throws AuthenticationException {
        byte[] body = ChunkedBodies.randomBody(300 * 1024);
        SdkSigner.Wire wire = ChunkedBodies.upload(body, true, null);
        InputStream payload = verifier.verify(wire.request())
                .payload(new ByteArrayInputStream(ChunkedBodies.flipDataByte(wire.body(), 3, 0)));

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        PayloadRejectedException rejected = readUntilRejected(payload, received);

        assertThat(rejected.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
        assertThat(received.size()).isEqualTo(2 * CHUNK);
    }

    @Test
    void refusesChunksInAnotherOrder() throws AuthenticationException {
        byte[] body = ChunkedBodies.randomBody(3 * CHUNK);
        SdkSigner.Wire wire = ChunkedBodies.upload(body, true, null);
        byte[] encoded = wire.body();
        int frame = ChunkedBodies.dataOffset(encoded, 2) - ChunkedBodies.dataOffset(encoded, 1);
        byte[] swapped = encoded.clone();
        System.arraycopy(encoded, frame, swapped, 0, frame);
        System.arraycopy(encoded, 0, swapped, frame, frame);

        PayloadRejectedException rejected = readUntilRejected(
                verifier.verify(wire.request()).payload(new ByteArrayInputStream(swapped)),
                new ByteArrayOutputStream());

        assertThat(rejected.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
        assertThat(rejected).hasMessageContaining("chunk 1");
    }

    @Test
    void refusesAChangedChecksumThroughTheTrailerSignature() throws AuthenticationException {
        byte[] body = ChunkedBodies.randomBody(1000);
        SdkSigner.Wire wire = ChunkedBodies.upload(body, true, DefaultChecksumAlgorithm.CRC32);
        byte[] tampered = ChunkedBodies.replace(wire.body(), "x-amz-checksum-crc32:", "x-amz-checksum-crc32:A");

        PayloadRejectedException rejected = readUntilRejected(verifier.verify(wire.request())
                .payload(new ByteArrayInputStream(tampered)), new ByteArrayOutputStream());

        assertThat(rejected.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
        assertThat(rejected).hasMessage("The x-amz-trailer-signature does not match the signature we calculated.");
    }

    @Test
    void refusesAnUnsignedBodyWhoseChecksumDoesNotMatch() throws AuthenticationException {
        byte[] body = ChunkedBodies.randomBody(200_000);
        SdkSigner.Wire wire = ChunkedBodies.upload(body, false, DefaultChecksumAlgorithm.CRC32);
        byte[] tampered = ChunkedBodies.flipDataByte(wire.body(), 2, 10);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        PayloadRejectedException rejected = readUntilRejected(verifier.verify(wire.request())
                .payload(new ByteArrayInputStream(tampered)), received);

        assertThat(rejected.failure()).isEqualTo(AuthFailure.PAYLOAD_MISMATCH);
        assertThat(rejected).hasMessage("The CRC32 you specified did not match the calculated checksum.");
        assertThat(rejected.authenticationException().failure()).isEqualTo(AuthFailure.PAYLOAD_MISMATCH);
        assertThat(received.size()).isEqualTo(body.length);
    }

    @Test
    void refusesABodyCutShort() throws AuthenticationException {
        SdkSigner.Wire wire = ChunkedBodies.upload(ChunkedBodies.randomBody(300 * 1024), true,
                DefaultChecksumAlgorithm.CRC32);
        byte[] truncated = ChunkedBodies.truncate(wire.body(), ChunkedBodies.dataOffset(wire.body(), 3) + 100);

        PayloadRejectedException rejected = readUntilRejected(verifier.verify(wire.request())
                .payload(new ByteArrayInputStream(truncated)), new ByteArrayOutputStream());

        assertThat(rejected.failure()).isEqualTo(AuthFailure.PAYLOAD_MISMATCH);
        assertThat(rejected).hasMessage("The request body terminated unexpectedly");
    }

    @Test
    void refusesABodyLongerThanItsSignedDecodedLength() throws AuthenticationException {
        byte[] body = ChunkedBodies.randomBody(10);
        SdkSigner.Wire wire = SdkSigner.withExampleKey().signS3Chunked(ChunkedBodies.putObject(10, false).toBuilder()
                .putHeader("x-amz-decoded-content-length", "5").build(), body, true, null);

        PayloadRejectedException rejected = readUntilRejected(verifier.verify(wire.request())
                .payload(wire.bodyStream()), new ByteArrayOutputStream());

        assertThat(rejected.failure()).isEqualTo(AuthFailure.PAYLOAD_MISMATCH);
        assertThat(rejected).hasMessage(
                "The aws-chunked body holds more than the 5 bytes of x-amz-decoded-content-length.");
    }

    @Test
    void refusesABodyShorterThanItsSignedDecodedLength() throws AuthenticationException {
        byte[] body = ChunkedBodies.randomBody(10);
        SdkSigner.Wire wire = SdkSigner.withExampleKey().signS3Chunked(ChunkedBodies.putObject(10, false).toBuilder()
                .putHeader("x-amz-decoded-content-length", "11").build(), body, true, null);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        PayloadRejectedException rejected = readUntilRejected(verifier.verify(wire.request())
                .payload(wire.bodyStream()), received);

        assertThat(rejected).hasMessage("The aws-chunked body holds 10 bytes, not the 11 of "
                + "x-amz-decoded-content-length.");
        assertThat(received.toByteArray()).isEqualTo(body);
    }

    static PayloadRejectedException readUntilRejected(InputStream payload, ByteArrayOutputStream received) {
        byte[] buffer = new byte[7_919];
        try {
            for (int n = payload.read(buffer); n >= 0; n = payload.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (PayloadRejectedException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("not a payload rejection", e);
        }
        throw new AssertionError("the body was accepted");
    }
}
