package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each trailing checksum gives the catalogue's check value for {@code 123456789} (CRC-32, CRC-32C, CRC-64/NVME) or
 * the digest's known value (SHA-1, SHA-256), in S3's big-endian byte order, however the data is split.
 */
class TrailingChecksumTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "x-amz-checksum-crc32,cbf43926",
        "x-amz-checksum-crc32c,e3069283",
        "x-amz-checksum-crc64nvme,ae8b14860a799888",
        "x-amz-checksum-sha1,f7c3bc1d808e04732adf679965ccc34ca7ae3441",
        "x-amz-checksum-sha256,15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225"})
    void givesTheCheckValueOf123456789(String trailer, String hex) {
        byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
        TrailingChecksum checksum = TrailingChecksum.forTrailer(trailer);

        TrailingChecksum.Running whole = checksum.start();
        whole.update(data, 0, data.length);
        TrailingChecksum.Running pieces = checksum.start();
        pieces.update(data, 0, 4);
        pieces.update(data, 4, 0);
        pieces.update(data, 4, 5);

        assertThat(Hex.encode(whole.value())).isEqualTo(hex);
        assertThat(Hex.encode(pieces.value())).isEqualTo(hex);
        assertThat(checksum.trailerName()).isEqualTo(trailer);
    }

    @ParameterizedTest
    @CsvSource({"x-amz-checksum-md5", "x-amz-checksum-crc64", "x-amz-meta-crc32", "''"})
    void knowsNoOtherChecksum(String trailer) {
        assertThat(TrailingChecksum.forTrailer(trailer)).isNull();
    }
}
