package dev.warden.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a health check needs to know about a {@link Warden}: whether its store can be read and written, the store
 * documents it cannot use, the last reload that failed, and how many decisions failed. Holds no secret: paths, JSON
 * pointers and reasons only.
 *
 * @param status {@link Status#FAILING} when the store cannot be read (decisions go on with a stale directory),
 *     {@link Status#DEGRADED} when some documents cannot be used (their principals are denied, or keep their last
 *     good state), {@link Status#OK} otherwise; a read-only store is not a fault
 * @param storeReadable whether the last read of the store succeeded
 * @param storeWritable whether the store accepts changes ({@code false} on a read-only volume)
 * @param unreadableDocuments the documents that cannot be used now, by path
 * @param storeReadFailure why the store could not be read, or {@code null}
 * @param lastReloadFailure the last load or reload that rejected a document or could not read the store (it may
 *     have been repaired since), or {@code null}
 * @param decisionErrors how many decisions failed and were denied: evaluation errors, and requests of principals
 *     whose documents cannot be read
 */
public record Health(Status status, boolean storeReadable, boolean storeWritable,
                     List<UnreadableDocument> unreadableDocuments, Failure storeReadFailure, Failure lastReloadFailure,
                     long decisionErrors) {

    public Health {
        Objects.requireNonNull(status, "status");
        unreadableDocuments = List.copyOf(unreadableDocuments);
    }

    /** The verdict, as load balancers read it: {@code ok} and {@code degraded} serve, {@code failing} does not. */
    public enum Status {
        OK, DEGRADED, FAILING;

        /** {@code ok}, {@code degraded}, {@code failing}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A store document that cannot be used.
     *
     * @param path the document's store path, e.g. {@code accounts/111122223333/groups/ops.json}
     * @param pointer the JSON pointer of the problem ({@code /} for the whole document)
     * @param reason why
     * @param principalsDenied {@code true} when it has no last good state, so every principal it touches is denied;
     *     {@code false} when its entity keeps its last good state
     */
    public record UnreadableDocument(String path, String pointer, String reason, boolean principalsDenied) {
    }

    /** Something that went wrong, when, and what was said. */
    public record Failure(Instant at, String message) {
    }
}
