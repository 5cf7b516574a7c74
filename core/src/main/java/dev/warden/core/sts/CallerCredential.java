package dev.warden.core.sts;

import dev.warden.core.auth.Caller;
import dev.warden.core.auth.SigningCredential;
import java.util.Objects;

/**
 * An access key resolved to its caller: what signature verification needs (the key and its secret) and what
 * authorization needs (the {@link Caller}).
 *
 * @param session the claims of temporary credentials, or {@code null} for a long-term key
 */
public record CallerCredential(String accessKeyId, String secretAccessKey, Caller caller, SessionClaims session)
        implements SigningCredential {

    public CallerCredential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(caller, "caller");
    }

    @Override
    public String toString() {
        return "CallerCredential[" + accessKeyId + " " + caller.principal().arn() + "]";
    }
}
