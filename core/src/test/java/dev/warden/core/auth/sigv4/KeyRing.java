package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.CredentialLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A credential lookup for tests: keys can be added, replaced and deactivated; every lookup is recorded. */
final class KeyRing implements CredentialLookup<TestCredential> {

    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final Map<String, TestCredential> keys = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<String> lookups = new ArrayList<>();

    static KeyRing withExampleKey() {
        return new KeyRing().add(ACCESS_KEY_ID, SECRET);
    }

    KeyRing add(String accessKeyId, String secret) {
        keys.put(accessKeyId, new TestCredential(accessKeyId, secret));
        return this;
    }

    /** Temporary credentials: the key is only good with this session token. */
    KeyRing addSession(String accessKeyId, String secret, String token) {
        tokens.put(accessKeyId, token);
        return add(accessKeyId, secret);
    }

    void deactivate(String accessKeyId) {
        keys.remove(accessKeyId);
    }

    synchronized List<String> lookups() {
        return List.copyOf(lookups);
    }

    @Override
    public TestCredential lookup(String accessKeyId, String sessionToken) throws AuthenticationException {
        synchronized (this) {
            lookups.add(accessKeyId + (sessionToken == null ? "" : " with token"));
        }
        TestCredential credential = keys.get(accessKeyId);
        if (credential == null) {
            throw new AuthenticationException(AuthFailure.UNKNOWN_ACCESS_KEY,
                    "The security token included in the request is invalid.");
        }
        String token = tokens.get(accessKeyId);
        if (token != null && !token.equals(sessionToken)) {
            throw new AuthenticationException(AuthFailure.INVALID_TOKEN,
                    "The security token included in the request is invalid.");
        }
        return credential;
    }
}
