package dev.warden.core.store;

import dev.warden.spi.DirectoryStore;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoreConflictException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link DirectoryStore} in memory: for tests, and for applications that build their directory in code and need
 * no persistence. Same contract as the file store (atomic compare-and-swap commits); nothing changes it from
 * outside, so watchers are never called.
 */
public final class InMemoryDirectoryStore implements DirectoryStore {

    private final Map<String, String> documents = new HashMap<>();

    @Override
    public synchronized Map<String, String> readAll() {
        return Map.copyOf(documents);
    }

    @Override
    public synchronized Map<String, Optional<String>> read(Collection<String> paths) {
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        for (String path : paths) {
            out.put(path, Optional.ofNullable(documents.get(path)));
        }
        return out;
    }

    @Override
    public synchronized void commit(List<DocumentChange> changes) throws StoreConflictException {
        for (DocumentChange change : changes) {
            if (!Objects.equals(documents.get(change.path()), change.expected())) {
                throw new StoreConflictException(change.path());
            }
        }
        for (DocumentChange change : changes) {
            if (change.replacement() == null) {
                documents.remove(change.path());
            } else {
                documents.put(change.path(), change.replacement());
            }
        }
    }

    @Override
    public void watch(Consumer<Set<String>> listener) {
        // nothing outside this object can change it
    }

    @Override
    public void close() {
        // nothing to release
    }
}
