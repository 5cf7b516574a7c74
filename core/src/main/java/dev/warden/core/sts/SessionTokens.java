package dev.warden.core.sts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.AesGcm;
import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * Seals {@link SessionClaims} into self-contained session tokens and opens them again:
 * {@code WST1.KEYID.BASE64URL(nonce | AES-256-GCM(claims))}. The token is bound to its {@code ASIA} access key id
 * (authenticated data), so a token presented with another key id does not open, and any change to a token makes it
 * fail as a whole. Thread-safe.
 */
public final class SessionTokens {

    private static final Base64.Encoder TOKEN_ENCODING = Base64.getUrlEncoder().withoutPadding();

    private static final String PREFIX = "WST1.";
    /** Far above any token Warden issues (session policies are at most 2,048 characters), far below a header limit. */
    private static final int MAX_TOKEN_LENGTH = 16_384;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID = "The security token included in the request is invalid.";

    private final SessionTokenKeys keys;

    public SessionTokens(SessionTokenKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** {@code claims} sealed for access key {@code accessKeyId} with the current key. */
    public String seal(String accessKeyId, SessionClaims claims) {
        String keyId = keys.currentId();
        try {
            byte[] sealed = AesGcm.seal(keys.current(), aad(keyId, accessKeyId), JSON.writeValueAsBytes(encode(claims)));
            return PREFIX + keyId + "." + TOKEN_ENCODING.encodeToString(sealed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not seal a session token", e);
        }
    }

    /**
     * The claims of {@code token}, presented with {@code accessKeyId}, at {@code now}.
     *
     * @throws AuthenticationException {@link AuthFailure#INVALID_TOKEN} for a token that is malformed, tampered with,
     *     sealed under a key that is not accepted or for another access key; {@link AuthFailure#EXPIRED_TOKEN} once
     *     it has expired
     */
    public SessionClaims open(String accessKeyId, String token, Instant now) throws AuthenticationException {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !token.startsWith(PREFIX)) {
            throw new AuthenticationException(AuthFailure.INVALID_TOKEN, INVALID);
        }
        int dot = token.indexOf('.', PREFIX.length());
        if (dot < 0) {
            throw new AuthenticationException(AuthFailure.INVALID_TOKEN, INVALID);
        }
        String keyId = token.substring(PREFIX.length(), dot);
        SecretKey key = keys.key(keyId);
        if (key == null) {
            throw new AuthenticationException(AuthFailure.INVALID_TOKEN, INVALID);
        }
        SessionClaims claims;
        try {
            String sealed = token.substring(dot + 1);
            byte[] bytes = Base64.getUrlDecoder().decode(sealed);
            if (!sealed.equals(TOKEN_ENCODING.encodeToString(bytes))) {
                // the decoder ignores the unused bits of the last character: one token, one spelling
                throw new AuthenticationException(AuthFailure.INVALID_TOKEN, INVALID);
            }
            claims = decode(JSON.readTree(AesGcm.open(key, aad(keyId, accessKeyId), bytes)));
        } catch (RuntimeException | GeneralSecurityException | java.io.IOException e) {
            // a bad tag, bad base64 or claims that do not parse: all the same to the caller
            throw new AuthenticationException(AuthFailure.INVALID_TOKEN, INVALID);
        }
        if (!now.isBefore(claims.expires())) {
            throw new AuthenticationException(AuthFailure.EXPIRED_TOKEN,
                    "The security token included in the request is expired");
        }
        return claims;
    }

    private static byte[] aad(String keyId, String accessKeyId) {
        return ("warden-sts|" + keyId + "|" + accessKeyId).getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode encode(SessionClaims c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("t", c.type().name());
        node.put("p", c.principalArn());
        node.put("u", c.userId());
        node.put("s", c.secretAccessKey());
        node.put("i", c.issued().getEpochSecond());
        node.put("e", c.expires().getEpochSecond());
        if (c.mfaAuthenticated() != null) {
            node.put("m", c.mfaAuthenticated().getEpochSecond());
        }
        if (!c.sessionPolicies().isEmpty()) {
            ArrayNode policies = node.putArray("sp");
            c.sessionPolicies().forEach(policies::add);
        }
        if (!c.tags().isEmpty()) {
            ObjectNode tags = node.putObject("tg");
            c.tags().forEach(tags::put);
        }
        if (!c.transitiveTagKeys().isEmpty()) {
            ArrayNode transitive = node.putArray("tt");
            c.transitiveTagKeys().forEach(transitive::add);
        }
        if (c.sourceIdentity() != null) {
            node.put("si", c.sourceIdentity());
        }
        if (c.chained()) {
            node.put("c", true);
        }
        if (c.federatedProvider() != null) {
            node.put("fp", c.federatedProvider());
        }
        if (c.issuer() != null) {
            node.put("ia", c.issuer().arn());
            node.put("ii", c.issuer().uniqueId());
        }
        return node;
    }

    private static SessionClaims decode(JsonNode n) {
        List<String> policies = new ArrayList<>();
        n.path("sp").forEach(p -> policies.add(p.asText()));
        Map<String, String> tags = new LinkedHashMap<>();
        n.path("tg").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        List<String> transitive = new ArrayList<>();
        n.path("tt").forEach(k -> transitive.add(k.asText()));
        return new SessionClaims(SessionClaims.Type.valueOf(n.get("t").asText()), n.get("p").asText(),
                n.path("u").asText(null), n.get("s").asText(), Instant.ofEpochSecond(n.get("i").asLong()),
                Instant.ofEpochSecond(n.get("e").asLong()),
                n.has("m") ? Instant.ofEpochSecond(n.get("m").asLong()) : null, policies, tags, transitive,
                n.path("si").asText(null), n.path("c").asBoolean(false), n.path("fp").asText(null),
                n.has("ia") ? new SessionClaims.Issuer(n.get("ia").asText(), n.get("ii").asText()) : null);
    }
}
