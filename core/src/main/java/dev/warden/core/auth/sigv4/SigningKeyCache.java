package dev.warden.core.auth.sigv4;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;

/**
 * Derived signing keys by access key id and scope, so that a warm verification costs one HMAC instead of five. The
 * derivation is {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")}. An entry
 * remembers the secret it was derived from and is derived again if the credential lookup hands out another one, so
 * the cache never outlives a change of secret. Thread-safe.
 */
final class SigningKeyCache {

    private record KeyId(String accessKeyId, String scopeText) {
    }

    private record DerivedKey(String secret, byte[] key) {
        @Override
        public String toString() {
            return "DerivedKey[redacted]";
        }
    }

    private final Cache<KeyId, DerivedKey> keys;

    SigningKeyCache(long maximumSize) {
        this.keys = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** The signing key of {@code secret} for the claim's scope; the caller must not change the array. */
    byte[] signingKey(String accessKeyId, String secret, SignatureClaim claim) {
        KeyId id = new KeyId(accessKeyId, claim.scopeText());
        DerivedKey cached = keys.getIfPresent(id);
        if (cached != null && cached.secret().equals(secret)) {
            return cached.key();
        }
        CredentialScope scope = claim.scope();
        byte[] key = derive(secret, claim.scopeText().substring(0, 8), scope.region(), scope.service());
        keys.put(id, new DerivedKey(secret, key));
        return key;
    }

    static byte[] derive(String secret, String date, String region, String service) {
        byte[] dateKey = HmacSha256.sign(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] regionKey = HmacSha256.sign(dateKey, region);
        byte[] serviceKey = HmacSha256.sign(regionKey, service);
        return HmacSha256.sign(serviceKey, CredentialScope.TERMINATOR);
    }

    @Override
    public String toString() {
        return "SigningKeyCache[" + keys.estimatedSize() + " keys]";
    }
}
