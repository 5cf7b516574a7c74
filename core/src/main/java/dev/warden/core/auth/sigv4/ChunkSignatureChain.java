package dev.warden.core.auth.sigv4;

import java.security.MessageDigest;

/**
 * The signatures of an {@code aws-chunked} body: each chunk's signature covers its data and the signature before it,
 * starting from the request's own ("seed") signature, so chunks cannot be dropped, reordered or swapped; the trailing
 * headers' signature continues the chain. Not thread-safe: one per body.
 */
final class ChunkSignatureChain {

    private final byte[] signingKey;
    private final String chunkPrefix;
    private final String trailerPrefix;
    private String previous;

    /**
     * @param seedSignature the verified signature of the request, lower-case hex
     */
    ChunkSignatureChain(byte[] signingKey, String amzDate, String scopeText, String seedSignature) {
        this.signingKey = signingKey;
        this.chunkPrefix = "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + scopeText + "\n";
        this.trailerPrefix = "AWS4-HMAC-SHA256-TRAILER\n" + amzDate + "\n" + scopeText + "\n";
        this.previous = seedSignature;
    }

    /** Whether {@code provided} is the next chunk's signature over these bytes; if so, the chain moves on. */
    boolean verifyChunk(byte[] data, int offset, int length, String provided) {
        return advance(chunkPrefix + previous + "\n" + Sha256.EMPTY_HEX + "\n" + Sha256.hex(data, offset, length),
                provided);
    }

    /** Whether {@code provided} signs the trailing headers whose canonical form hashes to {@code trailersHashHex}. */
    boolean verifyTrailer(String trailersHashHex, String provided) {
        return advance(trailerPrefix + previous + "\n" + trailersHashHex, provided);
    }

    private boolean advance(String stringToSign, String provided) {
        byte[] expected = HmacSha256.sign(signingKey, stringToSign);
        byte[] given = Hex.decode(provided, Sha256.LENGTH);
        if (given == null || !MessageDigest.isEqual(expected, given)) {
            return false;
        }
        previous = Hex.encode(expected);
        return true;
    }

    @Override
    public String toString() {
        return "ChunkSignatureChain[redacted]";
    }
}
