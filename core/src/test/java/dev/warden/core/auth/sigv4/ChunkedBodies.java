package dev.warden.core.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** S3 uploads chunk-encoded and signed by the AWS SDK's signer, and ways to damage their framing. */
final class ChunkedBodies {

    static final int CHUNK = 128 * 1024;

    private ChunkedBodies() {
    }

    static byte[] randomBody(int size) {
        byte[] body = new byte[size];
        new Random(size).nextBytes(body);
        return body;
    }

    /** Over http the SDK always signs the payload; only over https does it send unsigned chunks. */
    static SdkHttpRequest putObject(int length, boolean https) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol(https ? "https" : "http").host("127.0.0.1")
                .port(9000)
                .encodedPath("/uploads/data%20set/part.bin")
                .putHeader("Content-Length", Integer.toString(length))
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("amz-sdk-invocation-id", "9a1b2c3d-1111-4e4e-9a9a-2f4b6d8e0c12").build();
    }

    /** {@code PutObject} of {@code body}: signed chunks or not, with a trailing checksum or not. */
    static SdkSigner.Wire upload(byte[] body, boolean signedChunks, ChecksumAlgorithm checksum) {
        return SdkSigner.withExampleKey().signS3Chunked(putObject(body.length, !signedChunks), body, signedChunks,
                checksum);
    }

    /** Where the data of chunk {@code n} (1-based) starts in the encoded body. */
    static int dataOffset(byte[] encoded, int n) {
        int position = 0;
        for (int chunk = 1; ; chunk++) {
            int lineEnd = indexOf(encoded, "\r\n", position);
            String header = new String(encoded, position, lineEnd - position, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0], 16);
            if (chunk == n) {
                return lineEnd + 2;
            }
            position = lineEnd + 2 + size + 2;
        }
    }

    /** The encoded body with one byte of chunk {@code n}'s data flipped. */
    static byte[] flipDataByte(byte[] encoded, int n, int index) {
        byte[] copy = encoded.clone();
        copy[dataOffset(encoded, n) + index] ^= 0x01;
        return copy;
    }

    /** The encoded body with the first occurrence of {@code from} replaced by {@code to} (ASCII framing only). */
    static byte[] replace(byte[] encoded, String from, String to) {
        int at = indexOf(encoded, from, 0);
        if (at < 0) {
            throw new IllegalArgumentException(from + " is not in the body");
        }
        byte[] replacement = to.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[encoded.length - from.length() + replacement.length];
        System.arraycopy(encoded, 0, out, 0, at);
        System.arraycopy(replacement, 0, out, at, replacement.length);
        System.arraycopy(encoded, at + from.length(), out, at + replacement.length,
                encoded.length - at - from.length());
        return out;
    }

    /** The text of the encoded body from {@code offset} on, decoded as ISO-8859-1 so that offsets match bytes. */
    static String framing(byte[] encoded, int offset) {
        return new String(encoded, offset, encoded.length - offset, StandardCharsets.ISO_8859_1);
    }

    /** The encoded body edited as text (ISO-8859-1, so that every byte survives the round trip). */
    static byte[] edit(byte[] encoded, java.util.function.UnaryOperator<String> edit) {
        return edit.apply(framing(encoded, 0)).getBytes(StandardCharsets.ISO_8859_1);
    }

    static int indexOf(byte[] data, String text, int from) {
        byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] truncate(byte[] encoded, int length) {
        return Arrays.copyOf(encoded, length);
    }
}
