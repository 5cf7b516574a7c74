package dev.warden.core.sts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An OpenID Connect provider in a test: an RSA and an EC signing key (kids {@code rsa-1}, {@code ec-1}) whose public
 * halves are its JWKS, and ID tokens signed with them. No network: the keys are made here.
 */
final class TestIdentityProvider {

    static final String HOST = "idp.example.com/tenant";
    static final String ISSUER = "https://" + HOST;

    final RSAKey rsa;
    final ECKey ec;

    TestIdentityProvider() throws JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    }

    /** The public keys, as the provider publishes them at its {@code jwks_uri}. */
    String jwks() {
        return new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString(true);
    }

    /** Claims of a token valid at {@code now} for 10 minutes: issuer, subject, audience {@code app}, iat, exp. */
    static JWTClaimsSet.Builder claims(Instant now, String subject) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience("app")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    /** A token with {@code claims}, signed RS256 with kid {@code rsa-1}. */
    String rs256(JWTClaimsSet claims) throws JOSEException {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims, new RSASSASigner(rsa));
    }

    /** A token with {@code claims}, signed ES256 with kid {@code ec-1}. */
    String es256(JWTClaimsSet claims) throws JOSEException {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), claims, new ECDSASigner(ec));
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** {@code token} with its payload replaced by {@code claims} and its signature kept. */
    static String withPayload(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + com.nimbusds.jose.util.Base64URL.encode(claims.toString()) + "." + parts[2];
    }

    /** The same claims, changed by {@code change}. */
    static JWTClaimsSet changed(JWTClaimsSet claims, UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder(claims)).build();
    }
}
