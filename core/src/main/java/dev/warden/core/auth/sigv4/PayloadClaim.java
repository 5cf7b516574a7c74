package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the request says about its body: the {@link PayloadMode}, the hash that goes into the canonical request, and
 * for streamed bodies the decoded length and the trailing checksums declared in {@code x-amz-trailer}.
 *
 * @param expectedSha256 the body's signed SHA-256 still to be checked against the body, or {@code null} when there is
 *     nothing to check (unsigned, streaming, or computed from the buffered body itself)
 * @param decodedLength {@code x-amz-decoded-content-length} of a streamed body; -1 otherwise
 */
record PayloadClaim(PayloadMode mode, String canonicalHash, byte[] expectedSha256, long decodedLength,
        List<TrailingChecksum> checksums) {

    private static final byte[] EMPTY_SHA256 = Hex.decode(Sha256.EMPTY_HEX, Sha256.LENGTH);

    static PayloadClaim of(SignedRequest request, SignatureClaim claim, boolean s3) throws AuthenticationException {
        String header = request.header("x-amz-content-sha256");
        if (header == null) {
            return withoutHeader(request, claim, s3);
        }
        String value = header.strip();
        PayloadMode mode = PayloadMode.forHeaderValue(value);
        if (mode == null && value.startsWith("STREAMING-")) {
            // SigV4a (ECDSA) chunks and event streams
            throw new AuthenticationException(AuthFailure.UNSUPPORTED_MECHANISM, AwsMessages.UNSUPPORTED_MECHANISM);
        }
        List<TrailingChecksum> checksums = trailers(request, mode);
        if (mode == null) {
            byte[] expected = Hex.decode(value, Sha256.LENGTH);
            if (expected == null) {
                throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, AwsMessages.CONTENT_SHA256_INVALID);
            }
            return new PayloadClaim(PayloadMode.SIGNED, value, expected, -1, checksums);
        }
        if (!mode.isStreaming()) {
            return new PayloadClaim(mode, value, null, -1, checksums);
        }
        return new PayloadClaim(mode, value, null, decodedLength(request, value), checksums);
    }

    /**
     * No {@code x-amz-content-sha256}: presigned S3 URLs are {@code UNSIGNED-PAYLOAD}; S3 requires the header
     * otherwise; the Query services sign the body's own hash.
     */
    private static PayloadClaim withoutHeader(SignedRequest request, SignatureClaim claim, boolean s3)
            throws AuthenticationException {
        if (request.header("x-amz-trailer") != null) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                    "x-amz-trailer requires x-amz-content-sha256: STREAMING-...-TRAILER.");
        }
        if (s3) {
            if (claim.presigned()) {
                return new PayloadClaim(PayloadMode.UNSIGNED, PayloadMode.UNSIGNED.headerValue(), null, -1, List.of());
            }
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, AwsMessages.CONTENT_SHA256_MISSING);
        }
        byte[] body = request.body();
        if (body != null) {
            return new PayloadClaim(PayloadMode.SIGNED, Sha256.hex(body, 0, body.length), null, -1, List.of());
        }
        if (declaresNoBody(request)) {
            // signed as empty: the reader makes sure nothing arrives after all
            return new PayloadClaim(PayloadMode.SIGNED, Sha256.EMPTY_HEX, EMPTY_SHA256, -1, List.of());
        }
        throw new AuthenticationException(AuthFailure.INTERNAL, "The request has a body and no x-amz-content-sha256 "
                + "header, so the body must be buffered (SignedRequest.body) to check its signature.");
    }

    /** The body's hash against the signed one, when the body was buffered; the caller throws on a mismatch. */
    boolean matchesBufferedBody(byte[] body) {
        return expectedSha256 == null || body == null
                || MessageDigest.isEqual(Sha256.hash(body), expectedSha256);
    }

    private static boolean declaresNoBody(SignedRequest request) {
        String length = request.header("content-length");
        return request.header("transfer-encoding") == null && (length == null || length.strip().equals("0"));
    }

    private static long decodedLength(SignedRequest request, String mode) throws AuthenticationException {
        String text = request.header("x-amz-decoded-content-length");
        try {
            long length = text == null ? -1 : Long.parseLong(text.strip());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                "x-amz-content-sha256: " + mode + " requires a valid x-amz-decoded-content-length header.");
    }

    /** The checksums {@code x-amz-trailer} declares; only the {@code -TRAILER} modes have trailing headers. */
    private static List<TrailingChecksum> trailers(SignedRequest request, PayloadMode mode)
            throws AuthenticationException {
        List<String> declared = request.headerValues("x-amz-trailer");
        if (declared.isEmpty()) {
            return List.of();
        }
        if (mode == null || !mode.hasTrailer()) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                    "x-amz-trailer requires x-amz-content-sha256: STREAMING-...-TRAILER.");
        }
        List<TrailingChecksum> checksums = new ArrayList<>(1);
        for (String value : declared) {
            for (String name : value.split(",", -1)) {
                TrailingChecksum checksum = TrailingChecksum.forTrailer(name.strip().toLowerCase(Locale.ROOT));
                if (checksum == null) {
                    throw new AuthenticationException(AuthFailure.UNSUPPORTED_MECHANISM,
                            "The value specified in the x-amz-trailer header is not supported");
                }
                if (checksums.contains(checksum)) {
                    throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                            "x-amz-trailer names " + checksum.trailerName() + " more than once.");
                }
                checksums.add(checksum);
            }
        }
        return List.copyOf(checksums);
    }
}
