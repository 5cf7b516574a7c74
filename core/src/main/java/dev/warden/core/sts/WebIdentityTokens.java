package dev.warden.core.sts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.OidcProvider;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Verifies the OpenID Connect ID tokens of AssumeRoleWithWebIdentity, failing closed with AWS's errors:
 * <ol>
 *   <li>a signed JWT (an unsigned {@code alg: none} token, an encrypted one or anything else is not valid);</li>
 *   <li>whose {@code iss} is the URL of an OpenID Connect provider of the role's account;</li>
 *   <li>signed with RS256/384/512 or ES256/384/512 (never an HMAC, so a provider's public key can never serve as
 *       a shared secret) by a key of the provider's key set, chosen by {@code kid};</li>
 *   <li>not expired, not before its {@code nbf}, not issued in the future, give or take {@link #SKEW};</li>
 *   <li>with an {@code aud} that is one of the provider's client ids, and a {@code sub};</li>
 *   <li>whose session tags and source identity, if it asks for any, follow AWS's rules.</li>
 * </ol>
 * The signature is checked before any claim decides anything. Messages never quote the token. Stateless.
 */
final class WebIdentityTokens {

    /** How far the provider's clock may be from ours. */
    static final Duration SKEW = Duration.ofSeconds(60);
    /** AWS's algorithms for OIDC ID tokens. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    /** AWS's messages. */
    static final String NOT_A_JWT = "The ID Token provided is not a valid JWT. (You may see this error if you sent an "
            + "Access Token)";
    static final String NO_KEY = "Couldn't retrieve verification key from your identity provider, please reference "
            + "AssumeRoleWithWebIdentity documentation for requirements";
    static final String INCORRECT_AUDIENCE = "Incorrect token audience";

    private WebIdentityTokens() {
    }

    /**
     * The identity {@code token} proves, if a provider of {@code account} signed it and it is valid at {@code now}.
     *
     * @throws IamException {@code InvalidIdentityToken}, {@code ExpiredTokenException} or {@code IDPRejectedClaim}
     */
    static WebIdentity verify(String token, Account account, String partition, Instant now) throws IamException {
        SignedJWT jwt = signed(token);
        JWTClaimsSet claims = claims(jwt);
        OidcProvider provider = provider(claims, account);
        checkSignature(jwt, provider);
        checkTimes(claims, now);
        String audience = claims.getAudience().stream().filter(provider.clientIds()::contains).findFirst()
                .orElseThrow(() -> invalid(INCORRECT_AUDIENCE));
        String subject = claims.getSubject();
        if (subject == null || subject.isEmpty()) {
            throw invalid("The ID Token has no subject (sub)");
        }
        List<String> amr;
        try {
            amr = claims.getStringListClaim("amr");
        } catch (ParseException e) {
            throw invalid("The amr claim of the ID Token must be a list of strings");
        }
        return new WebIdentity(provider.arn(partition, account.id()), provider.url(), subject, audience,
                amr == null ? List.of() : amr, WebIdentitySessionClaims.of(claims));
    }

    private static SignedJWT signed(String token) throws IamException {
        try {
            JWT jwt = JWTParser.parse(token);
            if (jwt instanceof SignedJWT signed) {
                return signed;
            }
        } catch (ParseException e) {
            // not a JWT at all: the same answer as for an unsigned or encrypted one
        }
        throw invalid(NOT_A_JWT);
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws IamException {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid(NOT_A_JWT);
        }
    }

    /** The provider of the account whose URL is the token's issuer. */
    private static OidcProvider provider(JWTClaimsSet claims, Account account) throws IamException {
        String issuer = claims.getIssuer();
        if (issuer == null || issuer.isEmpty()) {
            throw invalid(NOT_A_JWT);
        }
        OidcProvider provider = issuer.startsWith("https://") && account != null
                ? account.settings().oidcProvider(issuer.substring("https://".length())).orElse(null) : null;
        if (provider == null) {
            throw invalid("No OpenIDConnect provider found in your account for " + issuer);
        }
        return provider;
    }

    private static void checkSignature(SignedJWT jwt, OidcProvider provider) throws IamException {
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw invalid("The ID Token is signed with " + header.getAlgorithm() + "; AWS accepts RS256, RS384, "
                    + "RS512, ES256, ES384 and ES512");
        }
        if (provider.jwks() == null) {
            throw invalid(NO_KEY);
        }
        List<JWK> candidates;
        try {
            candidates = new JWKSelector(JWKMatcher.forJWSHeader(header)).select(JWKSet.parse(provider.jwks()));
        } catch (ParseException e) {
            throw invalid(NO_KEY); // checked when it was stored, so only a codec change gets here
        }
        if (candidates.isEmpty()) {
            throw invalid(NO_KEY);
        }
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa)
                        : key instanceof ECKey ec ? new ECDSAVerifier(ec) : null;
                if (verifier != null && jwt.verify(verifier)) {
                    return;
                }
            } catch (JOSEException | IllegalStateException e) {
                // a key that cannot verify this algorithm (another curve, a malformed key) does not vouch for it
            }
        }
        throw invalid("The signature of the ID Token does not verify with the keys of its identity provider");
    }

    private static void checkTimes(JWTClaimsSet claims, Instant now) throws IamException {
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw invalid("The ID Token has no expiration time (exp)");
        }
        long seconds = now.getEpochSecond();
        if (!now.isBefore(expires.toInstant().plus(SKEW))) {
            throw new IamException(IamError.EXPIRED_TOKEN_EXCEPTION, "Token expired: current date/time " + seconds
                    + " must be before the expiration date/time " + expires.toInstant().getEpochSecond());
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(SKEW).isBefore(notBefore.toInstant())) {
            throw new IamException(IamError.IDP_REJECTED_CLAIM, "Token is not yet valid: current date/time " + seconds
                    + " must not be before the not-before date/time " + notBefore.toInstant().getEpochSecond());
        }
        Date issued = claims.getIssueTime();
        if (issued != null && now.plus(SKEW).isBefore(issued.toInstant())) {
            throw new IamException(IamError.IDP_REJECTED_CLAIM, "Token issued in the future: current date/time "
                    + seconds + " is before the issue date/time " + issued.toInstant().getEpochSecond());
        }
    }

    private static IamException invalid(String message) {
        return new IamException(IamError.INVALID_IDENTITY_TOKEN, message);
    }
}
