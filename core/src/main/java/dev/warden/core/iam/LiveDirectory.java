package dev.warden.core.iam;

import dev.warden.spi.DirectoryStore;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoreConflictException;
import dev.warden.spi.StoredDocuments;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory as it stands now, over a {@link DirectoryStore}: readers take {@link #current()} (an immutable
 * snapshot, swapped atomically, never blocked by writers); writers go through {@link #update}, which computes the
 * change from the current snapshot, commits it compare-and-swap, and on a conflict with another writer reloads and
 * tries again. Changes made outside (other processes, hand edits) are picked up as the store reports them; a
 * document that fails validation or cannot be read is rejected and the entity keeps its last good state (or, with
 * none, is {@linkplain Directory#quarantined() quarantined}). A write that would replace a rejected document is
 * refused until the document is repaired or deleted by hand, and so is every write to a read-only store.
 */
public final class LiveDirectory implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDirectory.class);

    /** An operation on the directory: reads {@code directory}, returns its result and the entities it writes. */
    public interface Mutation<T> {
        Result<T> apply(Directory directory) throws IamException;
    }

    /** What a mutation returns and writes. */
    public record Result<T>(T value, Changes changes) {
    }

    /** Reports each reload of outside changes: the new snapshot and the documents it rejected in this reload. */
    public interface ReloadListener {
        void reloaded(Directory directory, Set<String> paths, List<StoreDocumentException> rejected);

        /** The store could not be read at all; the directory stays as it was. Default: nothing. */
        default void readFailed(IOException failure) {
        }
    }

    private static final int ATTEMPTS = 8;

    private final DirectoryStore store;
    private final AtomicReference<Directory> current;
    private final Object writeLock = new Object();
    private final List<ReloadListener> listeners = new CopyOnWriteArrayList<>();
    /** Why the store could not be read at the last attempt, or {@code null} when it could. */
    private volatile ReadFailure readFailure;

    /** The store could not be read at all, at {@code at}, because of {@code message}. */
    public record ReadFailure(java.time.Instant at, String message) {
    }

    private LiveDirectory(DirectoryStore store, Directory initial) {
        this.store = store;
        this.current = new AtomicReference<>(initial);
    }

    /** Loads the directory from {@code store} and follows its changes. */
    public static LiveDirectory open(DirectoryStore store, String partition, Map<String, ManagedPolicy> shipped)
            throws IOException {
        LiveDirectory live = new LiveDirectory(store, Directory.load(store.readAllDocuments(), partition, shipped));
        store.watch(live::outsideChange);
        return live;
    }

    /** The current snapshot. */
    public Directory current() {
        return current.get();
    }

    public void addReloadListener(ReloadListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Whether the store refuses every write (a read-only volume). */
    public boolean isReadOnly() {
        return store.isReadOnly();
    }

    /**
     * Runs {@code mutation} against the current snapshot and stores what it writes, atomically. Retries on a
     * conflict with another writer, on fresh state.
     *
     * @throws IamException what the mutation threw (nothing is written), {@code ConcurrentModification} when other
     *     writers kept winning, {@code EntityTemporarilyUnmodifiable} when it would replace a document that cannot be
     *     read (the file, the JSON pointer and the reason in the message), {@code ServiceFailure} when the store is
     *     read-only
     */
    public <T> T update(Mutation<T> mutation) throws IamException, IOException {
        synchronized (writeLock) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Directory base = current.get();
                Result<T> result = mutation.apply(base);
                if (result.changes().isEmpty()) {
                    return result.value();
                }
                List<DocumentChange> changes = new ArrayList<>();
                for (Map.Entry<String, Optional<String>> e : result.changes().documents().entrySet()) {
                    refuseToReplace(base.rejected().get(e.getKey()));
                    String expected = base.document(e.getKey());
                    String replacement = e.getValue().orElse(null);
                    if (expected == null && replacement == null) {
                        continue;
                    }
                    changes.add(new DocumentChange(e.getKey(), expected, replacement));
                }
                try {
                    store.commit(changes);
                    current.set(base.apply(result.changes().documents()));
                    return result.value();
                } catch (StoreConflictException conflict) {
                    refresh(result.changes().documents().keySet());
                } catch (IOException e) {
                    if (store.isReadOnly()) {
                        throw new IamException(IamError.SERVICE_FAILURE, e.getMessage());
                    }
                    throw e;
                }
            }
            throw new IamException(IamError.CONCURRENT_MODIFICATION,
                    "The request was rejected because it conflicted with another change; retry it.");
        }
    }

    /**
     * A write must not replace a document that cannot be read: its entities' references elsewhere (attachments,
     * memberships) stay, and would silently take the new content, or the last good state would overwrite an edit.
     */
    private static void refuseToReplace(StoreDocumentException unreadable) throws IamException {
        if (unreadable != null) {
            throw new IamException(IamError.ENTITY_TEMPORARILY_UNMODIFIABLE, "The store document " + unreadable.path()
                    + " cannot be read (" + unreadable.problem() + "); repair the file or delete it before changing "
                    + "what it holds.");
        }
    }

    private void outsideChange(Set<String> paths) {
        try {
            synchronized (writeLock) {
                // after a failed read, read everything: the changes the failure hid are not reported again
                refresh(readFailure != null ? Set.of() : paths);
                readFailure = null;
            }
        } catch (IOException e) {
            readFailure = new ReadFailure(java.time.Instant.now(), e.getMessage());
            LOG.error("cannot read changed store documents; keeping the last good state: {}", e.getMessage());
            for (ReloadListener listener : listeners) {
                listener.readFailed(e);
            }
        }
    }

    /**
     * Why the store could not be read at the last attempt, or {@code null}. After a failure, calling this at most
     * once a second reads the whole store again (a store that became readable is then followed again without waiting
     * for its next change).
     */
    public ReadFailure readFailure() {
        ReadFailure failure = readFailure;
        if (failure != null && failure.at().plusSeconds(1).isBefore(java.time.Instant.now())) {
            outsideChange(Set.of());
            failure = readFailure;
        }
        return failure;
    }

    /** Reads {@code paths} again (every document when empty) and applies what changed. */
    private void refresh(Set<String> paths) throws IOException {
        Directory base = current.get();
        Map<String, Optional<String>> changed = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        StoredDocuments read = paths.isEmpty() ? store.readAllDocuments() : store.readDocuments(paths);
        read.readable().forEach((path, text) -> {
            if (!text.equals(base.document(path))) {
                changed.put(path, Optional.of(text));
            }
        });
        read.unreadable().forEach((path, reason) -> {
            StoreDocumentException known = base.rejected().get(path);
            if (known == null || !known.reason().equals(reason) || base.document(path) != null) {
                unreadable.put(path, reason);
            }
        });
        Iterable<String> candidates = paths.isEmpty() ? base.documentPaths() : paths;
        for (String path : candidates) {
            if (isGone(path, read, base)) {
                changed.put(path, Optional.empty());
            }
        }
        if (paths.isEmpty()) {
            for (String path : base.rejected().keySet()) { // unreadable documents have no text in documentPaths()
                if (isGone(path, read, base)) {
                    changed.put(path, Optional.empty());
                }
            }
        }
        if (changed.isEmpty() && unreadable.isEmpty()) {
            return;
        }
        Directory next = base.apply(changed, unreadable);
        current.set(next);
        List<StoreDocumentException> rejected = new ArrayList<>();
        Set<String> reloaded = new java.util.LinkedHashSet<>(changed.keySet());
        reloaded.addAll(unreadable.keySet());
        for (String path : reloaded) {
            if (next.rejected().containsKey(path)) {
                rejected.add(next.rejected().get(path));
            }
        }
        for (ReloadListener listener : listeners) {
            listener.reloaded(next, reloaded, rejected);
        }
    }

    /** Whether the document {@code path}, which {@code base} knows (as text or as rejected), no longer exists. */
    private static boolean isGone(String path, StoredDocuments read, Directory base) {
        return !read.readable().containsKey(path) && !read.unreadable().containsKey(path)
                && (base.document(path) != null || base.rejected().containsKey(path));
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
