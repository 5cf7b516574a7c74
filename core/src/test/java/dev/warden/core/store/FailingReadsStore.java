package dev.warden.core.store;

import dev.warden.spi.DirectoryStore;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoreConflictException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** An in-memory store whose reads fail while {@link #failing} is set, and whose watcher a test calls. */
public final class FailingReadsStore implements DirectoryStore {

    /** The message of the failure. */
    public static final String FAILURE = "/srv/warden-data: cannot list: Input/output error";

    private final InMemoryDirectoryStore delegate = new InMemoryDirectoryStore();
    private volatile boolean failing;
    private volatile Consumer<Set<String>> watcher;

    /** Makes reads fail ({@code true}) or work again. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    /** Reports a change, as the store's watch thread would. */
    public void changed(Set<String> paths) {
        watcher.accept(paths);
    }

    @Override
    public Map<String, String> readAll() throws IOException {
        check();
        return delegate.readAll();
    }

    @Override
    public Map<String, Optional<String>> read(Collection<String> paths) throws IOException {
        check();
        return delegate.read(paths);
    }

    private void check() throws IOException {
        if (failing) {
            throw new IOException(FAILURE);
        }
    }

    @Override
    public void commit(List<DocumentChange> changes) throws StoreConflictException {
        delegate.commit(changes);
    }

    @Override
    public void watch(Consumer<Set<String>> listener) {
        watcher = listener;
    }

    @Override
    public void close() {
    }
}
