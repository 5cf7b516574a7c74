package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes an {@code aws-chunked} body, checking it as it goes. Each chunk is {@code hex-size[;chunk-signature=sig]
 * CRLF data CRLF}; a chunk of size 0 ends the data and is followed by the trailing headers ({@code name:value CRLF},
 * for example {@code x-amz-checksum-crc32} and {@code x-amz-trailer-signature}) and a final CRLF.
 *
 * <p>A signed chunk is read whole and its signature checked before any of its bytes are handed out, so no byte of a
 * chunk that fails its check ever reaches the reader. What only the end can tell (the trailing checksum, the trailer
 * signature, the decoded length) is checked when the end is reached: the read that gets there throws instead of
 * reporting the end, so a reader must not act on the body before it has read it to the end.
 *
 * <p>Any failure is a {@link PayloadRejectedException}, and the stream stays failed.
 */
final class AwsChunkedInputStream extends InputStream {

    /** The largest chunk accepted: each signed chunk is held in memory until its signature is checked. */
    static final int MAX_CHUNK_SIZE = 16 * 1024 * 1024;

    private static final int MAX_LINE = 4096;
    private static final int MAX_TRAILERS = 32;
    private static final String CHUNK_SIGNATURE = "chunk-signature=";
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    private final InputStream in;
    private final PayloadMode mode;
    private final ChunkSignatureChain chain;
    private final long decodedLength;
    private final List<TrailingChecksum> checksums;
    private final TrailingChecksum.Running[] running;

    private byte[] chunk = new byte[0];
    private int position;
    private int limit;
    private long decoded;
    private int chunks;
    private boolean finished;
    private IOException failure;

    /**
     * @param chain the chunk signatures to check, or {@code null} for {@link PayloadMode#STREAMING_UNSIGNED_TRAILER}
     */
    AwsChunkedInputStream(InputStream raw, PayloadMode mode, ChunkSignatureChain chain, long decodedLength,
            List<TrailingChecksum> checksums) {
        this.in = new BufferedInputStream(Objects.requireNonNull(raw, "raw"), 8192);
        this.mode = mode;
        this.chain = chain;
        this.decodedLength = decodedLength;
        this.checksums = checksums;
        this.running = new TrailingChecksum.Running[checksums.size()];
        for (int i = 0; i < running.length; i++) {
            running[i] = checksums.get(i).start();
        }
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return chunk[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return failure == null ? limit - position : 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Makes bytes available, reading and checking chunks as needed; {@code false} at the (checked) end. */
    private boolean fill() throws IOException {
        if (failure != null) {
            throw failure;
        }
        while (position == limit) {
            if (finished) {
                return false;
            }
            try {
                nextChunk();
            } catch (IOException e) {
                failure = e;
                position = 0;
                limit = 0;
                throw e;
            }
        }
        return true;
    }

    private void nextChunk() throws IOException {
        String header = readLine();
        int semicolon = header.indexOf(';');
        int size = size(semicolon < 0 ? header : header.substring(0, semicolon));
        String signature = null;
        if (chain != null) {
            if (semicolon < 0 || !header.startsWith(CHUNK_SIGNATURE, semicolon + 1)) {
                throw malformed("chunk " + (chunks + 1) + " has no chunk-signature");
            }
            signature = header.substring(semicolon + 1 + CHUNK_SIGNATURE.length());
        } else if (semicolon >= 0) {
            throw malformed("chunk " + (chunks + 1) + " has a chunk extension in an unsigned body");
        }
        chunks++;
        if (size > 0) {
            if (decoded + size > decodedLength) {
                throw rejected(AuthFailure.PAYLOAD_MISMATCH, "The aws-chunked body holds more than the "
                        + decodedLength + " bytes of x-amz-decoded-content-length.");
            }
            if (chunk.length < size) {
                chunk = new byte[size];
            }
            readFully(chunk, size);
            expect('\r');
            expect('\n');
        }
        if (chain != null && !chain.verifyChunk(chunk, 0, size, signature)) {
            throw rejected(AuthFailure.SIGNATURE_MISMATCH,
                    "The chunk-signature of chunk " + chunks + " does not match the signature we calculated.");
        }
        if (size > 0) {
            for (TrailingChecksum.Running checksum : running) {
                checksum.update(chunk, 0, size);
            }
            decoded += size;
            position = 0;
            limit = size;
            return;
        }
        Map<String, String> trailers = readTrailers();
        if (decoded != decodedLength) {
            throw rejected(AuthFailure.PAYLOAD_MISMATCH, "The aws-chunked body holds " + decoded
                    + " bytes, not the " + decodedLength + " of x-amz-decoded-content-length.");
        }
        verifyTrailers(trailers);
        finished = true;
        position = 0;
        limit = 0;
    }

    private Map<String, String> readTrailers() throws IOException {
        Map<String, String> trailers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            if (!mode.hasTrailer()) {
                throw malformed("trailing headers in a body whose x-amz-content-sha256 is " + mode.headerValue());
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || trailers.size() == MAX_TRAILERS) {
                throw malformed("a trailing header is malformed");
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (trailers.put(name, line.substring(colon + 1).strip()) != null) {
                throw malformed("the trailing header " + name + " appears more than once");
            }
        }
        return trailers;
    }

    private void verifyTrailers(Map<String, String> trailers) throws IOException {
        String signature = trailers.remove(TRAILER_SIGNATURE);
        if (mode == PayloadMode.STREAMING_SIGNED_TRAILER) {
            if (signature == null) {
                throw rejected(AuthFailure.SIGNATURE_MISMATCH, "The aws-chunked body has no x-amz-trailer-signature.");
            }
            if (!chain.verifyTrailer(Sha256.hex(canonical(trailers)), signature)) {
                throw rejected(AuthFailure.SIGNATURE_MISMATCH,
                        "The x-amz-trailer-signature does not match the signature we calculated.");
            }
        } else if (signature != null) {
            throw malformed("x-amz-trailer-signature in a body whose x-amz-content-sha256 is " + mode.headerValue());
        }
        for (String name : trailers.keySet()) {
            if (checksums.stream().noneMatch(c -> c.trailerName().equals(name))) {
                throw malformed("the trailing header " + name + " is not declared in x-amz-trailer");
            }
        }
        for (int i = 0; i < checksums.size(); i++) {
            TrailingChecksum checksum = checksums.get(i);
            String value = trailers.get(checksum.trailerName());
            if (value == null) {
                throw malformed("the trailing header " + checksum.trailerName()
                        + " declared in x-amz-trailer is missing");
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                given = null;
            }
            if (given == null || !MessageDigest.isEqual(running[i].value(), given)) {
                throw rejected(AuthFailure.PAYLOAD_MISMATCH,
                        "The " + checksum.displayName() + " you specified did not match the calculated checksum.");
            }
        }
    }

    /** The trailing headers as their signature covers them: sorted by name, {@code name:value} lines. */
    private static String canonical(Map<String, String> trailers) {
        StringBuilder out = new StringBuilder(128);
        trailers.keySet().stream().sorted().forEach(name -> {
            out.append(name).append(':');
            CanonicalRequest.appendTrimmed(out, trailers.get(name));
            out.append('\n');
        });
        return out.toString();
    }

    private int size(String hex) throws IOException {
        if (hex.isEmpty() || hex.length() > 8) {
            throw malformed("chunk " + (chunks + 1) + " has a malformed size");
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                throw malformed("chunk " + (chunks + 1) + " has a malformed size");
            }
            size = size * 16 + digit;
        }
        if (size > MAX_CHUNK_SIZE) {
            throw malformed("chunk " + (chunks + 1) + " of " + size + " bytes is larger than the " + MAX_CHUNK_SIZE
                    + " allowed");
        }
        return (int) size;
    }

    /** A line ended by CRLF, without it; the framing is ASCII. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(96);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw truncated();
            }
            if (c == '\r') {
                expect('\n');
                return line.toString();
            }
            if (c == '\n' || line.length() == MAX_LINE) {
                throw malformed("a line of the aws-chunked framing is malformed or too long");
            }
            line.append((char) c);
        }
    }

    private void readFully(byte[] buffer, int length) throws IOException {
        int read = 0;
        while (read < length) {
            int n = in.read(buffer, read, length - read);
            if (n < 0) {
                throw truncated();
            }
            read += n;
        }
    }

    private void expect(char expected) throws IOException {
        int c = in.read();
        if (c < 0) {
            throw truncated();
        }
        if (c != expected) {
            throw malformed("chunk " + chunks + " is not followed by CRLF (its size is wrong)");
        }
    }

    private PayloadRejectedException truncated() {
        return rejected(AuthFailure.PAYLOAD_MISMATCH, "The request body terminated unexpectedly");
    }

    private PayloadRejectedException malformed(String what) {
        return rejected(AuthFailure.PAYLOAD_MISMATCH, "The aws-chunked body is malformed: " + what + ".");
    }

    private static PayloadRejectedException rejected(AuthFailure failure, String message) {
        return new PayloadRejectedException(new AuthenticationException(failure, message));
    }

    @Override
    public String toString() {
        return "AwsChunkedInputStream[" + mode + ", " + chunks + " chunks, " + decoded + " of " + decodedLength
                + " bytes]";
    }
}
