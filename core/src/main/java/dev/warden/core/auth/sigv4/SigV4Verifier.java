package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.CredentialLookup;
import dev.warden.core.auth.SigningCredential;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies AWS Signature Version 4 on incoming requests, in the {@code Authorization} header form and the presigned
 * query form, as the AWS SDKs, the AWS CLI and {@code curl --aws-sigv4} send them.
 *
 * <p>What is checked, in order: the form (SigV2 and SigV4a are refused, as AWS refuses them for current buckets), the
 * credential scope, its day and its Region (see {@link SigningRegions}), the timestamp (15 minutes either way of
 * {@code clock}; a presigned URL from its date until it expires, at most 7 days), that {@code Host} (and for S3
 * every {@code x-amz-*} header) is signed, the payload mode and the canonical request (so that a malformed request
 * never reaches the credential lookup), the access key (the {@link CredentialLookup} is asked on every request, so
 * a deactivated key is refused at once), the signature (compared in constant time), and then the body's signed hash
 * where the body was buffered. Bodies that are not buffered and {@code aws-chunked} bodies are checked as they are
 * read through {@link VerifiedRequest#payload}.
 *
 * <p>Every failure is an {@link AuthenticationException} with AWS's error code and message; nothing else escapes
 * {@link #verify} (anything unexpected is {@link AuthFailure#INTERNAL}: refused). Derived signing keys are cached by
 * access key id and scope, so a warm verification costs two SHA-256 (body and canonical request) and one HMAC.
 * Thread-safe.
 *
 * @param <C> what the credential lookup says about the signer
 */
public final class SigV4Verifier<C extends SigningCredential> {

    private static final long SIGNING_KEYS = 10_000;

    private final CredentialLookup<C> lookup;
    private final Clock clock;
    private final SigningRegions regions;
    private final Function<String, UriStyle> uriStyles;
    private final SigningKeyCache signingKeys = new SigningKeyCache(SIGNING_KEYS);

    /**
     * @param lookup finds the credential of an access key id (and session token), or refuses it
     * @param clock the server's clock, which request timestamps and presigned URL expiries are compared with
     */
    public SigV4Verifier(CredentialLookup<C> lookup, Clock clock) {
        this(lookup, clock, SigningRegions.any());
    }

    /**
     * A verifier for an endpoint that serves {@code regions}: a signature scoped to another Region is refused before it
     * is checked, as AWS refuses it.
     *
     * @param regions which Region each service's signatures must be scoped to
     */
    public SigV4Verifier(CredentialLookup<C> lookup, Clock clock, SigningRegions regions) {
        this(lookup, clock, regions, UriStyle::forService);
    }

    /** With a path canonicalisation per service other than AWS's, for AWS's signing test suite. */
    SigV4Verifier(CredentialLookup<C> lookup, Clock clock, Function<String, UriStyle> uriStyles) {
        this(lookup, clock, SigningRegions.any(), uriStyles);
    }

    private SigV4Verifier(CredentialLookup<C> lookup, Clock clock, SigningRegions regions,
                          Function<String, UriStyle> uriStyles) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.uriStyles = Objects.requireNonNull(uriStyles, "uriStyles");
    }

    /**
     * Verifies the request's signature.
     *
     * @return who signed it and how its body is protected; read the body through {@link VerifiedRequest#payload}
     * @throws AuthenticationException why the request is not authenticated, in AWS's terms: no credentials
     *     ({@link AuthFailure#MISSING_AUTHENTICATION}), SigV2 or another mechanism ({@link
     *     AuthFailure#UNSUPPORTED_MECHANISM}), a malformed signature ({@link AuthFailure#INCOMPLETE_SIGNATURE}), the
     *     timestamp too far from now ({@link AuthFailure#CLOCK_SKEW}), an expired presigned URL ({@link
     *     AuthFailure#PRESIGNED_URL_EXPIRED}), whatever the credential lookup refuses the key or token with, a wrong
     *     signature ({@link AuthFailure#SIGNATURE_MISMATCH}), a buffered body that does not match its signed hash
     *     ({@link AuthFailure#PAYLOAD_MISMATCH})
     */
    public VerifiedRequest<C> verify(SignedRequest request) throws AuthenticationException {
        try {
            return verifyOrThrow(Objects.requireNonNull(request, "request"));
        } catch (MalformedEncodingException e) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, AwsMessages.BAD_PERCENT_ENCODING);
        } catch (RuntimeException e) {
            throw new AuthenticationException(AuthFailure.INTERNAL,
                    "Internal failure while authenticating the request.", e);
        }
    }

    /**
     * The canonical request and string to sign of a request, as {@link #verify} computes them, without checking the
     * signature, the time or the key: what S3 shows in a {@code SignatureDoesNotMatch} error. Empty when the request's
     * signature is too malformed to tell what was signed.
     */
    public Optional<SigningInput> signingInput(SignedRequest request) {
        try {
            QueryString query = QueryString.parse(request.rawQuery());
            SignatureClaim claim = claim(request, query);
            PayloadClaim payload = PayloadClaim.of(request, claim, claim.scope().isS3());
            return Optional.of(SigningInput.of(CanonicalRequest.build(request, query, claim, payload.canonicalHash(),
                    uriStyles.apply(claim.scope().service())), claim));
        } catch (AuthenticationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private VerifiedRequest<C> verifyOrThrow(SignedRequest request) throws AuthenticationException {
        QueryString query = QueryString.parse(request.rawQuery());
        SignatureClaim claim = claim(request, query);
        boolean s3 = claim.scope().isS3();
        checkRegion(claim, s3);
        RequestFreshness.check(claim, clock.instant(), s3);
        SignedHeaderRules.check(request, claim, s3);
        PayloadClaim payload = PayloadClaim.of(request, claim, s3);
        SigningInput input = SigningInput.of(CanonicalRequest.build(request, query, claim, payload.canonicalHash(),
                uriStyles.apply(claim.scope().service())), claim);
        C credential = credential(claim, s3);

        byte[] signingKey = signingKeys.signingKey(claim.accessKeyId(), credential.secretAccessKey(), claim);
        byte[] expected = HmacSha256.sign(signingKey, input.stringToSign());
        byte[] provided = Hex.decode(claim.signature(), Sha256.LENGTH);
        if (provided == null || !MessageDigest.isEqual(expected, provided)) {
            throw new AuthenticationException(AuthFailure.SIGNATURE_MISMATCH, AwsMessages.signatureMismatch(s3));
        }
        if (!payload.matchesBufferedBody(request.body())) {
            throw new AuthenticationException(AuthFailure.PAYLOAD_MISMATCH, AwsMessages.PAYLOAD_HASH_MISMATCH);
        }
        return new VerifiedRequest<>(credential, claim, payload, input,
                payloadReader(request, claim, payload, signingKey, expected));
    }

    /** Which form the request is signed in, parsed; or why it is not signed with SigV4 at all. */
    private static SignatureClaim claim(SignedRequest request, QueryString query) throws AuthenticationException {
        List<String> authorizations = request.headerValues("authorization");
        if (authorizations.size() > 1) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                    "The Authorization header appears more than once.");
        }
        String authorization = authorizations.isEmpty() ? "" : authorizations.get(0).strip();
        boolean presigned = PresignedQuery.isPresigned(query);
        if (!authorization.isEmpty() && presigned) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, AwsMessages.TWO_MECHANISMS);
        }
        if (presigned) {
            return PresignedQuery.parse(query);
        }
        if (!authorization.isEmpty()) {
            String algorithm = HeaderAuthorization.ALGORITHM;
            if (authorization.startsWith(algorithm) && (authorization.length() == algorithm.length()
                    || Character.isWhitespace(authorization.charAt(algorithm.length())))) {
                return HeaderAuthorization.parse(authorization, request);
            }
            // SigV2 ("AWS AKID:signature"), SigV4a ("AWS4-ECDSA-P256-SHA256 ...") or anything else
            throw new AuthenticationException(AuthFailure.UNSUPPORTED_MECHANISM, AwsMessages.UNSUPPORTED_MECHANISM);
        }
        if (query.has("AWSAccessKeyId") || (query.has("Signature")
                && (query.has("Expires") || query.has("SignatureVersion")))) {
            // SigV2 presigned URLs, which the AWS CLI v1 still makes without s3 signature_version = s3v4
            throw new AuthenticationException(AuthFailure.UNSUPPORTED_MECHANISM, AwsMessages.UNSUPPORTED_MECHANISM);
        }
        throw new AuthenticationException(AuthFailure.MISSING_AUTHENTICATION, AwsMessages.missingAuthentication(false));
    }

    /** The scope's Region must be one this endpoint serves for the scope's service. */
    private void checkRegion(SignatureClaim claim, boolean s3) throws AuthenticationException {
        CredentialScope scope = claim.scope();
        if (regions.accepts(scope.service(), scope.region())) {
            return;
        }
        if (!s3) {
            throw new AuthenticationException(AuthFailure.WRONG_REGION, AwsMessages.wrongRegionQuery(scope.region()));
        }
        String expected = regions.expected(scope.service());
        throw new AuthenticationException(
                claim.presigned() ? AuthFailure.QUERY_PARAMETERS_MALFORMED : AuthFailure.WRONG_REGION,
                AwsMessages.wrongRegionS3(scope.region(), expected, claim.presigned()), Map.of("Region", expected));
    }

    private C credential(SignatureClaim claim, boolean s3) throws AuthenticationException {
        C credential = lookup.lookup(claim.accessKeyId(), claim.sessionToken());
        if (credential == null) {
            throw new AuthenticationException(AuthFailure.UNKNOWN_ACCESS_KEY, AwsMessages.unknownKey(s3));
        }
        if (credential.secretAccessKey() == null) {
            throw new AuthenticationException(AuthFailure.INTERNAL, "The credential lookup returned no secret.");
        }
        return credential;
    }

    private static PayloadReader payloadReader(SignedRequest request, SignatureClaim claim, PayloadClaim payload,
            byte[] signingKey, byte[] signature) {
        PayloadMode mode = payload.mode();
        if (mode.isStreaming()) {
            String seedSignature = Hex.encode(signature);
            return raw -> new AwsChunkedInputStream(raw, mode,
                    mode.hasChunkSignatures()
                            ? new ChunkSignatureChain(signingKey, claim.amzDate(), claim.scopeText(), seedSignature)
                            : null,
                    payload.decodedLength(), payload.checksums());
        }
        if (payload.expectedSha256() != null && request.body() == null) {
            byte[] expected = payload.expectedSha256();
            return raw -> new Sha256VerifyingInputStream(raw, expected);
        }
        return PayloadReader.AS_IS;
    }
}
