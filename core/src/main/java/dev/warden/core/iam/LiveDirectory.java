package dev.warden.core.iam;

import dev.warden.spi.DirectoryStore;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoreConflictException;
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
 * document that fails validation is rejected and the entity keeps its last good state.
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
    }

    private static final int ATTEMPTS = 8;

    private final DirectoryStore store;
    private final AtomicReference<Directory> current;
    private final Object writeLock = new Object();
    private final List<ReloadListener> listeners = new CopyOnWriteArrayList<>();

    private LiveDirectory(DirectoryStore store, Directory initial) {
        this.store = store;
        this.current = new AtomicReference<>(initial);
    }

    /** Loads the directory from {@code store} and follows its changes. */
    public static LiveDirectory open(DirectoryStore store, String partition, Map<String, ManagedPolicy> shipped)
            throws IOException {
        LiveDirectory live = new LiveDirectory(store, Directory.load(store.readAll(), partition, shipped));
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

    /**
     * Runs {@code mutation} against the current snapshot and stores what it writes, atomically. Retries on a
     * conflict with another writer, on fresh state.
     *
     * @throws IamException what the mutation threw (nothing is written), or {@code ConcurrentModification} when other
     *     writers kept winning
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
                }
            }
            throw new IamException(IamError.CONCURRENT_MODIFICATION,
                    "The request was rejected because it conflicted with another change; retry it.");
        }
    }

    private void outsideChange(Set<String> paths) {
        try {
            synchronized (writeLock) {
                refresh(paths);
            }
        } catch (IOException e) {
            LOG.warn("cannot read changed store documents; keeping the last good state: {}", e.getMessage());
        }
    }

    /** Reads {@code paths} again (every document when empty) and applies what changed. */
    private void refresh(Set<String> paths) throws IOException {
        Directory base = current.get();
        Map<String, Optional<String>> changed = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            Map<String, String> all = store.readAll();
            all.forEach((path, text) -> {
                if (!text.equals(base.document(path))) {
                    changed.put(path, Optional.of(text));
                }
            });
            for (String path : base.documentPaths()) {
                if (!all.containsKey(path)) {
                    changed.put(path, Optional.empty());
                }
            }
        } else {
            store.read(paths).forEach((path, text) -> {
                if (!Objects.equals(text.orElse(null), base.document(path))) {
                    changed.put(path, text);
                }
            });
        }
        if (changed.isEmpty()) {
            return;
        }
        Directory next = base.apply(changed);
        current.set(next);
        List<StoreDocumentException> rejected = new ArrayList<>();
        for (String path : changed.keySet()) {
            if (next.rejected().containsKey(path)) {
                rejected.add(next.rejected().get(path));
            }
        }
        for (ReloadListener listener : listeners) {
            listener.reloaded(next, changed.keySet(), rejected);
        }
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
