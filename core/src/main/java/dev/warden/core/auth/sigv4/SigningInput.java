package dev.warden.core.auth.sigv4;

/**
 * What a signature is computed over: the canonical request and the string to sign, as Warden rebuilt them from the
 * request. S3 returns both in its {@code SignatureDoesNotMatch} error body so that a client's author can see where the
 * two sides differ. Built from the request alone: no secret, no expected signature; but it holds the signed headers'
 * values, a session token among them, so treat it as the request's headers (do not log it in production).
 *
 * @param canonicalRequest method, canonical path, query, headers, signed header names and payload hash, one per line
 * @param stringToSign {@code AWS4-HMAC-SHA256}, the timestamp, the scope and the canonical request's hash
 */
public record SigningInput(String canonicalRequest, String stringToSign) {

    static SigningInput of(String canonicalRequest, SignatureClaim claim) {
        return new SigningInput(canonicalRequest, HeaderAuthorization.ALGORITHM + "\n" + claim.amzDate() + "\n"
                + claim.scopeText() + "\n" + Sha256.hex(canonicalRequest));
    }
}
