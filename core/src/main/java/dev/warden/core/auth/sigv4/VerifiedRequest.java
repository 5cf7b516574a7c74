package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.SigningCredential;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A request whose signature checked out: who signed it, for which scope, over which headers, and how its body is
 * protected. Read the body through {@link #payload(InputStream)}, which checks what the signature promises about it.
 *
 * <p>A class rather than a record: it holds the derived signing key that {@code aws-chunked} bodies are checked with,
 * which must never be a public component or part of {@link #toString()}.
 *
 * @param <C> what the credential lookup says about the signer
 */
public final class VerifiedRequest<C extends SigningCredential> {

    private final C credential;
    private final String accessKeyId;
    private final CredentialScope scope;
    private final List<String> signedHeaders;
    private final boolean presigned;
    private final Instant requestTime;
    private final Instant expiresAt;
    private final PayloadMode payloadMode;
    private final long decodedContentLength;
    private final SigningInput signingInput;
    private final PayloadReader payloadReader;

    VerifiedRequest(C credential, SignatureClaim claim, PayloadClaim payload, SigningInput signingInput,
            PayloadReader payloadReader) {
        this.credential = credential;
        this.accessKeyId = claim.accessKeyId();
        this.scope = claim.scope();
        this.signedHeaders = claim.signedHeaders();
        this.presigned = claim.presigned();
        this.requestTime = claim.requestTime();
        this.expiresAt = claim.expires() == null ? null : claim.requestTime().plus(claim.expires());
        this.payloadMode = payload.mode();
        this.decodedContentLength = payload.decodedLength();
        this.signingInput = signingInput;
        this.payloadReader = payloadReader;
    }

    /** What the credential lookup returned for the access key id (and session token). */
    public C credential() {
        return credential;
    }

    /** The access key id the request was signed with. */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** The day, region and service the signature is scoped to; check the region and service are this endpoint's. */
    public CredentialScope scope() {
        return scope;
    }

    /** The names of the signed headers, as listed in the signature. */
    public List<String> signedHeaders() {
        return signedHeaders;
    }

    /** Whether the signature came in the query string (a presigned URL), not in the {@code Authorization} header. */
    public boolean presigned() {
        return presigned;
    }

    /** The time the request was signed ({@code X-Amz-Date} or {@code Date}). */
    public Instant requestTime() {
        return requestTime;
    }

    /** When a presigned URL stops being valid; empty for a request signed in its header. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** How the body is protected. */
    public PayloadMode payloadMode() {
        return payloadMode;
    }

    /** The length of the decoded body of an {@code aws-chunked} request ({@code x-amz-decoded-content-length}). */
    public OptionalLong decodedContentLength() {
        return decodedContentLength < 0 ? OptionalLong.empty() : OptionalLong.of(decodedContentLength);
    }

    /** The canonical request and string to sign that the signature was checked against, for debugging. */
    public SigningInput signingInput() {
        return signingInput;
    }

    /**
     * The body to read, checked as it is read: {@code aws-chunked} bodies decoded with every chunk signature, the
     * trailing checksum and the decoded length checked; a signed body that was not buffered checked against its
     * signed hash; anything else (a buffered body already checked, an unsigned one) returned as it is. A failed check
     * throws {@link PayloadRejectedException} from the read that finds it. Data before the end is handed out before
     * the end can be checked (but never a signed chunk before its own signature is checked): do not act on a body
     * before reading it to its end.
     *
     * @param raw the body as it arrives (for example {@code ServletRequest.getInputStream()}, or the buffered body)
     */
    public InputStream payload(InputStream raw) {
        return payloadReader.open(Objects.requireNonNull(raw, "raw"));
    }

    /** The signer and scope: no signature, key or token. */
    @Override
    public String toString() {
        return "VerifiedRequest[" + accessKeyId + "/" + scope + ", " + (presigned ? "presigned" : "header") + ", "
                + payloadMode + "]";
    }
}
