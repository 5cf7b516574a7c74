package dev.warden.core.auth.sigv4;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The checksums S3 accepts as a trailing header of an {@code aws-chunked} body ({@code x-amz-checksum-crc32:...}),
 * base64 of the big-endian checksum or digest of the decoded body.
 */
enum TrailingChecksum {
    CRC32("CRC32") {
        @Override
        Running start() {
            return crc(new CRC32(), 4);
        }
    },
    CRC32C("CRC32C") {
        @Override
        Running start() {
            return crc(new CRC32C(), 4);
        }
    },
    CRC64NVME("CRC64NVME") {
        @Override
        Running start() {
            return crc(new Crc64Nvme(), 8);
        }
    },
    SHA1("SHA1") {
        @Override
        Running start() {
            return digest("SHA-1");
        }
    },
    SHA256("SHA256") {
        @Override
        Running start() {
            return digest("SHA-256");
        }
    };

    /** A checksum being computed over the decoded body. */
    interface Running {
        void update(byte[] bytes, int offset, int length);

        byte[] value();
    }

    private final String displayName;

    TrailingChecksum(String displayName) {
        this.displayName = displayName;
    }

    abstract Running start();

    /** The trailing header's name, for example {@code x-amz-checksum-crc32}. */
    String trailerName() {
        return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
    }

    /** S3's name for the algorithm in its messages, for example {@code CRC32}. */
    String displayName() {
        return displayName;
    }

    /** The algorithm a trailing header names, or {@code null} if it is not a checksum S3 knows. */
    static TrailingChecksum forTrailer(String name) {
        for (TrailingChecksum checksum : values()) {
            if (checksum.trailerName().equalsIgnoreCase(name)) {
                return checksum;
            }
        }
        return null;
    }

    private static Running crc(Checksum checksum, int width) {
        return new Running() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                checksum.update(bytes, offset, length);
            }

            @Override
            public byte[] value() {
                ByteBuffer out = ByteBuffer.allocate(8).putLong(checksum.getValue());
                byte[] bytes = new byte[width];
                System.arraycopy(out.array(), 8 - width, bytes, 0, width);
                return bytes;
            }
        };
    }

    private static Running digest(String algorithm) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
        return new Running() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                digest.update(bytes, offset, length);
            }

            @Override
            public byte[] value() {
                return digest.digest();
            }
        };
    }
}
