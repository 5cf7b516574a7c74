package dev.warden.core.sts;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary credentials as STS hands them out: sign requests with the key and secret, and send the session token as
 * {@code X-Amz-Security-Token}. {@link #toString()} shows neither the secret nor the token.
 */
public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
                                   Instant expiration) {

    public TemporaryCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
    }

    @Override
    public String toString() {
        return "TemporaryCredentials[" + accessKeyId + ", expires " + expiration + "]";
    }
}
