package dev.warden.spi;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where a Warden directory lives: JSON documents by relative path. The store knows nothing of IAM; it keeps
 * documents safe. Warden ships a file store (a directory of JSON files); a fleet can plug in a database with the
 * same contract.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #commit} is atomic and durable: when it returns, all its changes are stored and survive a crash; if
 *       it throws, none is. A crash at any moment leaves the state before or after the commit, never a mix.</li>
 *   <li>Commits are compare-and-swap per document, so several writers (threads or processes) never lose each
 *       other's changes: a writer whose documents changed since it read them gets {@link StoreConflictException}.</li>
 *   <li>Reads are consistent: they never observe part of a commit.</li>
 *   <li>{@link #watch} reports documents changed by anyone else: other processes, or hand edits.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface DirectoryStore extends Closeable {

    /** Every document, by path. */
    Map<String, String> readAll() throws IOException;

    /** The current content of each of {@code paths}: empty where the document does not exist. */
    Map<String, Optional<String>> read(Collection<String> paths) throws IOException;

    /**
     * Every document, by path, reading on past documents that cannot be read: those are reported with why, so that
     * one unreadable file does not hide the others. The default reads {@link #readAll()} and reports none.
     */
    default StoredDocuments readAllDocuments() throws IOException {
        return new StoredDocuments(readAll(), Map.of());
    }

    /**
     * The current content of each of {@code paths}, reading on past documents that cannot be read: a path in
     * neither map of the answer has no document. The default reads {@link #read(Collection)} and reports none
     * unreadable.
     */
    default StoredDocuments readDocuments(Collection<String> paths) throws IOException {
        Map<String, String> readable = new LinkedHashMap<>();
        read(paths).forEach((path, text) -> text.ifPresent(t -> readable.put(path, t)));
        return new StoredDocuments(readable, Map.of());
    }

    /**
     * Whether this store refuses every {@link #commit} (its folder is on a read-only volume, ...): reads and
     * watching work, writes fail. Default {@code false}.
     */
    default boolean isReadOnly() {
        return false;
    }

    /**
     * Applies {@code changes} atomically and durably.
     *
     * @throws StoreConflictException if a document no longer holds its change's {@code expected} content; nothing
     *     was applied
     */
    void commit(List<DocumentChange> changes) throws IOException, StoreConflictException;

    /**
     * Calls {@code listener} with the paths of documents changed outside this store object, soon after they change.
     * An empty set means "something changed, read everything again" (for stores that cannot tell).
     */
    void watch(Consumer<Set<String>> listener);
}
