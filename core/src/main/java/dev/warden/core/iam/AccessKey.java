package dev.warden.core.iam;

import java.time.Instant;

/**
 * A user's long-term access key. The secret is kept only sealed (AES-GCM under the store's master key); it is shown
 * once, when the key is created, and never appears in {@link #toString()}.
 *
 * @param id {@code AKIA} and 16 characters
 * @param active whether the key may sign requests
 * @param createDate when it was created
 * @param sealedSecret the secret access key, sealed
 * @param lastUsed when, for which service and in which region it was last used, or {@code null}
 */
public record AccessKey(String id, boolean active, Instant createDate, String sealedSecret, LastUsed lastUsed) {

    /** The last use of an access key. */
    public record LastUsed(Instant date, String serviceName, String region) {
    }

    /** {@code Active} or {@code Inactive}, as AWS spells it. */
    public String status() {
        return active ? "Active" : "Inactive";
    }

    @Override
    public String toString() {
        return "AccessKey[" + id + ", " + status() + "]";
    }
}
