package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;

/**
 * An {@code aws-chunked} body whose framing is damaged (sizes, extensions, line ends, trailing headers) is refused
 * with a message that says what is wrong, whatever the damage.
 */
class MalformedChunkedBodyTest {

    private static final String SIGNED = "signed chunks";
    private static final String SIGNED_TRAILER = "signed chunks and trailer";
    private static final String UNSIGNED_TRAILER = "unsigned chunks, CRC32 trailer";

    private final SigV4Verifier<TestCredential> verifier =
            new SigV4Verifier<>(KeyRing.withExampleKey(), Clock.fixed(SdkSigner.SIGNED_AT, ZoneOffset.UTC));

    static Stream<Arguments> damages() {
        return Stream.of(
                damage(SIGNED, "a size that is not hex", s -> s.replaceFirst("^3e8;", "3g8;"),
                        AuthFailure.PAYLOAD_MISMATCH, "chunk 1 has a malformed size"),
                damage(SIGNED, "a size of nine hex digits", s -> s.replaceFirst("^3e8;", "0000003e8;"),
                        AuthFailure.PAYLOAD_MISMATCH, "chunk 1 has a malformed size"),
                damage(SIGNED, "an empty size", s -> s.replaceFirst("^3e8;", ";"),
                        AuthFailure.PAYLOAD_MISMATCH, "chunk 1 has a malformed size"),
                damage(SIGNED, "a chunk over 16 MiB", s -> s.replaceFirst("^3e8;", "1000001;"),
                        AuthFailure.PAYLOAD_MISMATCH, "chunk 1 of 16777217 bytes is larger than the 16777216 allowed"),
                damage(SIGNED, "a size one byte more than the decoded length", s -> s.replaceFirst("^3e8;", "3e9;"),
                        AuthFailure.PAYLOAD_MISMATCH,
                        "The aws-chunked body holds more than the 1000 bytes of x-amz-decoded-content-length."),
                damage(SIGNED, "a size one byte too small", s -> s.replaceFirst("^3e8;", "3e7;"),
                        AuthFailure.PAYLOAD_MISMATCH, "chunk 1 is not followed by CRLF"),
                damage(SIGNED, "no chunk-signature", s -> s.replaceFirst(";chunk-signature=", ";chunk-signatur="),
                        AuthFailure.PAYLOAD_MISMATCH, "chunk 1 has no chunk-signature"),
                damage(SIGNED, "a chunk-signature that is not hex",
                        s -> s.replaceFirst(";chunk-signature=.", ";chunk-signature=z"),
                        AuthFailure.SIGNATURE_MISMATCH, "The chunk-signature of chunk 1 does not match"),
                damage(SIGNED, "a short chunk-signature",
                        s -> s.replaceFirst(";chunk-signature=..", ";chunk-signature="),
                        AuthFailure.SIGNATURE_MISMATCH, "The chunk-signature of chunk 1 does not match"),
                damage(SIGNED, "a line ended by LF alone", s -> s.replaceFirst("\r\n", "\n"),
                        AuthFailure.PAYLOAD_MISMATCH, "a line of the aws-chunked framing is malformed or too long"),
                damage(SIGNED, "a chunk header of 5,000 characters", s -> "a".repeat(5_000) + s,
                        AuthFailure.PAYLOAD_MISMATCH, "a line of the aws-chunked framing is malformed or too long"),
                damage(SIGNED, "a trailing header in a body without trailer",
                        s -> s.substring(0, s.length() - 2) + "x-amz-checksum-crc32:AAAAAA==\r\n\r\n",
                        AuthFailure.PAYLOAD_MISMATCH, "trailing headers in a body whose x-amz-content-sha256 is "
                                + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
                damage(SIGNED, "no final CRLF", s -> s.substring(0, s.length() - 2),
                        AuthFailure.PAYLOAD_MISMATCH, "The request body terminated unexpectedly"),
                damage(SIGNED, "nothing at all", s -> "",
                        AuthFailure.PAYLOAD_MISMATCH, "The request body terminated unexpectedly"),
                damage(SIGNED_TRAILER, "no trailer signature",
                        s -> s.replaceFirst("x-amz-trailer-signature:\\w+\r\n", ""),
                        AuthFailure.SIGNATURE_MISMATCH, "The aws-chunked body has no x-amz-trailer-signature."),
                damage(SIGNED_TRAILER, "a trailing header without colon",
                        s -> s.replaceFirst("x-amz-checksum-crc32:", "x-amz-checksum-crc32 "),
                        AuthFailure.PAYLOAD_MISMATCH, "a trailing header is malformed"),
                damage(UNSIGNED_TRAILER, "a chunk extension", s -> s.replaceFirst("^3e8\r\n", "3e8;name=value\r\n"),
                        AuthFailure.PAYLOAD_MISMATCH, "chunk 1 has a chunk extension in an unsigned body"),
                damage(UNSIGNED_TRAILER, "a trailing header x-amz-trailer does not declare",
                        s -> s.replaceFirst("(x-amz-checksum-crc32:[^\r]*\r\n)", "$1x-amz-meta-owner:mallory\r\n"),
                        AuthFailure.PAYLOAD_MISMATCH, "the trailing header x-amz-meta-owner is not declared"),
                damage(UNSIGNED_TRAILER, "the declared checksum missing",
                        s -> s.replaceFirst("x-amz-checksum-crc32:[^\r]*\r\n", ""),
                        AuthFailure.PAYLOAD_MISMATCH,
                        "the trailing header x-amz-checksum-crc32 declared in x-amz-trailer is missing"),
                damage(UNSIGNED_TRAILER, "the checksum twice",
                        s -> s.replaceFirst("(x-amz-checksum-crc32:[^\r]*\r\n)", "$1$1"),
                        AuthFailure.PAYLOAD_MISMATCH,
                        "the trailing header x-amz-checksum-crc32 appears more than once"),
                damage(UNSIGNED_TRAILER, "a checksum that is not base64",
                        s -> s.replaceFirst("x-amz-checksum-crc32:[^\r]*\r\n", "x-amz-checksum-crc32:!!!!\r\n"),
                        AuthFailure.PAYLOAD_MISMATCH, "The CRC32 you specified did not match the calculated checksum."),
                damage(UNSIGNED_TRAILER, "a trailer signature",
                        s -> s.replaceFirst("(x-amz-checksum-crc32:[^\r]*\r\n)",
                                "$1x-amz-trailer-signature:" + "0".repeat(64) + "\r\n"),
                        AuthFailure.PAYLOAD_MISMATCH, "x-amz-trailer-signature in a body whose x-amz-content-sha256 is "
                                + "STREAMING-UNSIGNED-PAYLOAD-TRAILER"));
    }

    private static Arguments damage(String mode, String what, UnaryOperator<String> edit, AuthFailure failure,
            String message) {
        return Arguments.of(mode, what, edit, failure, message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("damages")
    void refusesABodyWith(String mode, String what, UnaryOperator<String> edit, AuthFailure failure, String message)
            throws AuthenticationException {
        SdkSigner.Wire wire = switch (mode) {
            case SIGNED -> ChunkedBodies.upload(ChunkedBodies.randomBody(1000), true, null);
            case SIGNED_TRAILER -> ChunkedBodies.upload(ChunkedBodies.randomBody(1000), true,
                    DefaultChecksumAlgorithm.CRC32);
            default -> ChunkedBodies.upload(ChunkedBodies.randomBody(1000), false, DefaultChecksumAlgorithm.CRC32);
        };
        byte[] damaged = ChunkedBodies.edit(wire.body(), edit);
        assertThat(damaged).isNotEqualTo(wire.body());

        PayloadRejectedException rejected = ChunkedUploadTest.readUntilRejected(verifier.verify(wire.request())
                .payload(new ByteArrayInputStream(damaged)), new ByteArrayOutputStream());

        assertThat(rejected.failure()).isEqualTo(failure);
        assertThat(rejected).hasMessageContaining(message);
    }
}
