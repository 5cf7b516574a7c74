package dev.warden.core.iam;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An IAM OpenID Connect identity provider of an account: whose ID tokens AssumeRoleWithWebIdentity accepts, for which
 * audiences, verified with which keys.
 *
 * <p>AWS fetches a provider's signing keys from {@code https://URL/.well-known/openid-configuration}; Warden runs
 * offline, so the keys are part of the provider: {@code jwks}, the provider's JSON Web Key Set (public keys only),
 * set by the administrator. Without it no token of the provider verifies.
 *
 * @param url the issuer URL without its {@code https://} scheme, as AWS returns it ({@code server.example.com/path});
 *     the provider's ARN is {@code arn:aws:iam::ACCOUNT:oidc-provider/URL}
 * @param clientIds the audiences ({@code aud}) tokens may be issued for, in the order added
 * @param thumbprints hex SHA-1 thumbprints of the provider's server certificates (kept for AWS's API; Warden verifies
 *     tokens with {@code jwks} instead)
 * @param createDate when it was created
 * @param tags its tags
 * @param jwks the provider's JSON Web Key Set as compact JSON, or {@code null} when not set
 */
public record OidcProvider(String url, List<String> clientIds, List<String> thumbprints, Instant createDate,
                           List<Tag> tags, String jwks) {

    /** AWS: a provider has at most 100 client ids. */
    public static final int MAX_CLIENT_IDS = 100;
    /** RSA keys weaker than this verify nothing: a forger could factor them. */
    static final int MIN_RSA_BITS = 2048;
    /** AWS: a provider has at most 5 thumbprints. */
    public static final int MAX_THUMBPRINTS = 5;

    public OidcProvider {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createDate, "createDate");
        clientIds = List.copyOf(clientIds);
        thumbprints = List.copyOf(thumbprints);
        tags = List.copyOf(tags);
    }

    /** {@code arn:PARTITION:iam::ACCOUNT:oidc-provider/URL}. */
    public String arn(String partition, String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":oidc-provider/" + url;
    }

    /** The issuer a token of this provider carries in {@code iss}: {@code https://URL}. */
    public String issuer() {
        return "https://" + url;
    }

    public OidcProvider withClientIds(List<String> newClientIds) {
        return new OidcProvider(url, newClientIds, thumbprints, createDate, tags, jwks);
    }

    public OidcProvider withThumbprints(List<String> newThumbprints) {
        return new OidcProvider(url, clientIds, newThumbprints, createDate, tags, jwks);
    }

    public OidcProvider withTags(List<Tag> newTags) {
        return new OidcProvider(url, clientIds, thumbprints, createDate, newTags, jwks);
    }

    /** This provider with signing keys {@code newJwks} (checked with {@link #checkedJwks}), or none. */
    public OidcProvider withJwks(String newJwks) {
        return new OidcProvider(url, clientIds, thumbprints, createDate, tags, newJwks);
    }

    /**
     * {@code text} as a JSON Web Key Set fit to verify ID tokens, in compact JSON: it must parse, hold at least one
     * key, and only public RSA (2048 bits or more) or EC keys. A private or symmetric key is refused rather than stripped: whoever pasted
     * it must know it leaked into a configuration file.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String checkedJwks(String text) {
        JWKSet set;
        try {
            set = JWKSet.parse(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JSON Web Key Set: " + e.getMessage());
        }
        if (set.getKeys().isEmpty()) {
            throw new IllegalArgumentException("the JSON Web Key Set holds no key");
        }
        for (JWK key : set.getKeys()) {
            String name = key.getKeyID() == null ? "a key without kid" : "key \"" + key.getKeyID() + "\"";
            if (!KeyType.RSA.equals(key.getKeyType()) && !KeyType.EC.equals(key.getKeyType())) {
                throw new IllegalArgumentException(name + " is of type " + key.getKeyType()
                        + "; ID tokens are verified with RSA or EC public keys only");
            }
            if (key.isPrivate()) {
                throw new IllegalArgumentException(name + " holds private key material; give the public keys only");
            }
            if (KeyType.RSA.equals(key.getKeyType()) && key.size() < MIN_RSA_BITS) {
                throw new IllegalArgumentException(name + " is an RSA key of " + key.size() + " bits; at least "
                        + MIN_RSA_BITS + " are needed");
            }
        }
        return set.toString(true);
    }

    @Override
    public String toString() {
        return "OidcProvider[" + url + ", " + clientIds.size() + " client ids" + (jwks == null ? ", no keys" : "") + "]";
    }
}
