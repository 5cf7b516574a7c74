/**
 * AWS Signature Version 4 verification: what AWS does when a request arrives signed by an AWS SDK, the AWS CLI or
 * {@code curl --aws-sigv4}.
 *
 * <p>The servlet layer turns each request into a container-neutral {@link dev.warden.core.auth.sigv4.SignedRequest}
 * (method, path and query exactly as on the wire, headers, the body if it was buffered) and hands it to a
 * {@link dev.warden.core.auth.sigv4.SigV4Verifier}, which rebuilds the canonical request, derives (or reuses) the
 * signing key of the credential the {@link dev.warden.core.auth.CredentialLookup} returns, and compares signatures in
 * constant time. The answer is a {@link dev.warden.core.auth.sigv4.VerifiedRequest} (signer, credential scope, signed
 * headers, {@link dev.warden.core.auth.sigv4.PayloadMode}) or an
 * {@link dev.warden.core.auth.AuthenticationException} whose {@link dev.warden.core.auth.AuthFailure} and message are
 * AWS's.
 *
 * <p>Bodies are checked as they are read through {@link dev.warden.core.auth.sigv4.VerifiedRequest#payload}: the
 * {@code aws-chunked} bodies of S3 uploads ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}, its {@code -TRAILER} variant
 * and {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}) chunk by chunk, with their trailing checksums; a failure is a
 * {@link dev.warden.core.auth.sigv4.PayloadRejectedException}.
 *
 * <p>Where AWS's services differ, this package follows them: S3 paths are encoded once and not normalised, every other
 * service's are normalised and encoded twice; S3 requires {@code x-amz-content-sha256} and every {@code x-amz-*}
 * header signed; error messages use S3's words for S3 scopes and the Query services' (IAM, STS) otherwise.
 *
 * <p>Everything cryptographic is the JDK's (SHA-256, HMAC-SHA256, CRC-32, CRC-32C, SHA-1); CRC-64/NVME, which the JDK
 * lacks, is implemented here.
 */
package dev.warden.core.auth.sigv4;
