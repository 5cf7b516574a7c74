package dev.warden.core.store;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch thread of a {@link FileDirectoryStore}: a {@link WatchService} over the root and every document folder
 * (folders that appear are watched as they appear, and their documents reported), which collects the paths of a
 * burst of changes for {@value #COALESCE_MILLIS} ms, waits for any commit in flight to finish (by taking the
 * store's shared lock, so that a commit is reported whole), drops the paths that still hold what the store object
 * itself wrote, and calls the listeners.
 *
 * <p>An empty set asks listeners to read everything again: after the OS dropped events ({@code OVERFLOW}), when a
 * watched folder is removed or moved away (its documents went with it), or when a new folder cannot be watched.
 */
final class StoreWatcher implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWatcher.class);
    static final long COALESCE_MILLIS = 10;
    private static final long JOIN_MILLIS = 5_000;

    /** The paths changed in one burst. */
    private static final class Burst {
        final Set<String> paths = new HashSet<>();
        boolean everything;
        boolean rescan;

        boolean isEmpty() {
            return paths.isEmpty() && !everything;
        }
    }

    private final FileDirectoryStore store;
    private final Path root;
    private final WatchService service;
    private final Map<Path, WatchKey> folders = new HashMap<>(); // the watch thread's, once started
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private StoreWatcher(FileDirectoryStore store, WatchService service) {
        this.store = store;
        this.root = store.root();
        this.service = service;
        this.thread = new Thread(this::run, "warden-store-watch " + root);
        thread.setDaemon(true);
    }

    /** Watches every folder of {@code store} now (changes from now on are reported) and starts the thread. */
    static StoreWatcher start(FileDirectoryStore store, Consumer<Set<String>> listener) throws IOException {
        WatchService service = store.root().getFileSystem().newWatchService();
        StoreWatcher watcher = new StoreWatcher(store, service);
        try {
            watcher.watchTree(watcher.root, null);
        } catch (IOException | RuntimeException | Error e) {
            try {
                service.close();
            } catch (IOException x) {
                e.addSuppressed(x);
            }
            throw e;
        }
        watcher.listeners.add(listener);
        watcher.thread.start();
        return watcher;
    }

    void addListener(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    Thread thread() {
        return thread;
    }

    private void run() {
        try {
            while (true) {
                Burst burst = new Burst();
                take(service.take(), burst);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COALESCE_MILLIS);
                for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                    WatchKey key = service.poll(left, TimeUnit.NANOSECONDS);
                    if (key == null) {
                        break;
                    }
                    take(key, burst);
                }
                if (!burst.isEmpty()) {
                    Set<String> changed = settle(burst);
                    if (!changed.isEmpty() || burst.everything) {
                        deliver(changed);
                    }
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed
        } catch (RuntimeException | Error e) {
            LOG.error(root + ": the store's watch thread stopped", e);
            throw e;
        }
    }

    /**
     * Waits for commits in flight (the shared lock), takes the events they caused, and keeps the paths not holding
     * this store object's own writes. Empty with {@code burst.everything}: read everything.
     */
    private Set<String> settle(Burst burst) {
        try {
            store.lock().lockShared();
        } catch (IOException e) {
            LOG.warn(root + ": watch could not wait for commits in flight", e);
            return burst.everything ? Set.of() : Set.copyOf(burst.paths);
        }
        try {
            for (WatchKey key; (key = service.poll()) != null; ) {
                take(key, burst);
            }
            if (burst.rescan) {
                watchTreeLogged(root, null, burst);
            }
            if (burst.everything) {
                return Set.of();
            }
            Set<String> changed = new HashSet<>();
            for (String path : burst.paths) {
                if (!store.isOwnWrite(path)) {
                    changed.add(path);
                }
            }
            return Set.copyOf(changed);
        } finally {
            try {
                store.lock().unlockShared();
            } catch (IOException e) {
                LOG.warn(root + ": watch could not release the shared lock", e);
            }
        }
    }

    private void deliver(Set<String> changed) {
        for (Consumer<Set<String>> listener : listeners) {
            try {
                listener.accept(changed);
            } catch (RuntimeException e) {
                LOG.warn(root + ": a store watch listener failed", e);
            }
        }
    }

    /** Adds the events of {@code key} to {@code burst}, watching new folders. */
    private void take(WatchKey key, Burst burst) {
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                burst.everything = true;
                burst.rescan = true;
                continue;
            }
            Path name = (Path) event.context();
            String fileName = name.toString();
            if (DocumentPaths.isHidden(fileName)
                    || folder.equals(root) && fileName.equals(DocumentPaths.MARKER)) {
                continue;
            }
            Path child = folder.resolve(name);
            String path = DocumentPaths.relative(root, child);
            if (event.kind() == ENTRY_DELETE) {
                if (folders.containsKey(child)) {
                    forgetTree(child); // removed or moved away, with whatever documents it held
                    burst.everything = true;
                } else if (DocumentPaths.isDocument(path)) {
                    burst.paths.add(path);
                }
                continue;
            }
            BasicFileAttributes attributes;
            try {
                attributes = DurableFiles.attributesOrNull(child);
            } catch (IOException e) {
                attributes = null; // report it: the listener's read will say what is wrong
            }
            if (attributes != null && attributes.isDirectory()) {
                if (event.kind() == ENTRY_CREATE) {
                    watchTreeLogged(child, burst.paths, burst);
                }
            } else if ((attributes == null || !attributes.isSymbolicLink()) && DocumentPaths.isDocument(path)) {
                burst.paths.add(path);
            }
        }
        key.reset(); // if the folder is gone, its key stays in folders until its parent reports it deleted
    }

    private void watchTreeLogged(Path start, Set<String> found, Burst burst) {
        try {
            watchTree(start, found);
        } catch (IOException e) {
            LOG.warn(root + ": cannot watch " + start
                    + " (changes there are found only when something else asks for a full read)", e);
            burst.everything = true;
        }
    }

    /**
     * Watches {@code start} and the document folders under it; adds the documents found to {@code found}, unless it
     * is {@code null}: then only folders matter, and the files are not looked at at all.
     */
    private void watchTree(Path start, Set<String> found) throws IOException {
        if (found == null) {
            watchFolders(start);
            return;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
                if (!folder.equals(root) && DocumentPaths.isHidden(folder.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                try {
                    folders.put(folder, folder.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
                } catch (NoSuchFileException e) {
                    return FileVisitResult.SKIP_SUBTREE;
                } catch (IOException e) {
                    throw DurableFiles.withPath(folder, "cannot watch", e);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (found != null && attributes.isRegularFile()) {
                    String path = DocumentPaths.relative(root, file);
                    if (DocumentPaths.isDocument(path)) {
                        found.add(path);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw DurableFiles.withPath(file, "cannot watch", e);
            }
        });
    }

    /**
     * Watches {@code folder} and every folder beneath it that is not hidden, without a {@code stat} per document:
     * on Linux file systems a folder's link count is 2 plus its subfolders (hidden ones included), so once that many
     * are found the remaining entries are files (the leaf optimization of find(1)); a store of 100,000 documents
     * is watched in milliseconds instead of half a second. Where the count is not kept (below 2: btrfs, or ext4
     * past 65,000 subfolders) every entry is checked.
     */
    private void watchFolders(Path folder) throws IOException {
        try {
            folders.put(folder, folder.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw DurableFiles.withPath(folder, "cannot watch", e);
        }
        int links = linkCount(folder);
        long subfolders = links >= 2 ? links - 2 : Long.MAX_VALUE;
        if (subfolders == 0) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    if (!DocumentPaths.isHidden(entry.getFileName().toString())) {
                        watchFolders(entry);
                    }
                    if (--subfolders == 0) {
                        return;
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // removed while we looked: its parent's watch reports that
        } catch (DirectoryIteratorException e) {
            throw DurableFiles.withPath(folder, "cannot list", e.getCause());
        } catch (IOException e) {
            throw DurableFiles.withPath(folder, "cannot list", e);
        }
    }

    /** The folder's link count, or -1 where the file system has no such attribute. */
    private static int linkCount(Path folder) {
        try {
            return (Integer) Files.getAttribute(folder, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return -1;
        }
    }

    /** Stops watching {@code gone} and the folders under it. */
    private void forgetTree(Path gone) {
        for (Iterator<Map.Entry<Path, WatchKey>> i = folders.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<Path, WatchKey> entry = i.next();
            if (entry.getKey().startsWith(gone)) {
                entry.getValue().cancel();
                i.remove();
            }
        }
    }

    /** Stops the thread: closes the watch service and waits (up to 5 s, for a listener still running). */
    @Override
    public void close() throws IOException {
        service.close();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
