package dev.warden.core.auth.sigv4;

/**
 * How a service canonicalises the request path. Every AWS service but S3 normalises the path (removes {@code .} and
 * {@code ..} segments and empty ones) and encodes the path as sent once more ("double encoding"); S3 does neither: its
 * object keys may hold {@code //}, {@code ./} and {@code ../} that mean what they say. The AWS SDKs sign S3 with
 * {@code doubleUrlEncode} and {@code normalizePath} off, every other service with both on.
 */
enum UriStyle {
    /** Normalised, then the path as sent encoded again: every service but S3. */
    NORMALIZED_DOUBLE_ENCODED,
    /** The path as sent encoded again, not normalised: what AWS's signing test suite calls "unnormalized". */
    DOUBLE_ENCODED,
    /** The path's bytes encoded once, not normalised: S3. */
    SINGLE_ENCODED;

    /** The style AWS uses for {@code service} (the credential scope's service name). */
    static UriStyle forService(String service) {
        return ServiceNames.isS3(service) ? SINGLE_ENCODED : NORMALIZED_DOUBLE_ENCODED;
    }
}
