package dev.warden.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.warden.spi.DirectoryStore;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoreConflictException;
import dev.warden.spi.StoredDocuments;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DirectoryStore} in a folder of files: each document is a UTF-8 file at its relative path under the root
 * ({@code accounts/111122223333/users/alice.json}), readable and editable by hand.
 *
 * <pre>
 * ROOT/warden-store.json      the marker, {"format": 1}: this folder is a store
 * ROOT/.warden/lock           locked shared by readers, exclusively by writers (all processes)
 * ROOT/.warden/journal/ID.json  a commit past its commit point, not yet fully applied
 * ROOT/.warden/tmp/           journal entries being written
 * ROOT/a/b/.NAME.ID-I.warden-tmp  a document's new content, before its rename
 * ROOT/a/b/NAME               a document
 * </pre>
 *
 * <p>A commit, under the exclusive lock: compare every change's expected content with the file (conflict: nothing
 * written); write the journal entry with every new content, sync it and rename it into the journal (the commit
 * point); write each new content to a temporary file beside its document and sync it; rename each over its
 * document (or delete the document); sync the folders; remove the journal entry. If writing a temporary file
 * fails (a full disk), the commit is rolled back: nothing was renamed yet. A crash leaves either no journal entry
 * (the old state) or a complete one, which recovery applies again (the new state). Recovery runs when the store
 * opens and before any read or commit that finds an entry in the journal.
 *
 * <p>{@link #watch} reports changes made by anyone but this store object: other processes, other store objects,
 * editors. This object's own commits are recognized by content (a path whose file still holds what this object
 * last wrote there is not reported), so a change is never missed, and an own commit is not reported unless the
 * file has changed again since.
 *
 * <p>Not documents: names starting with {@code .} or {@code #} or ending with {@code ~} (the store's internals,
 * editors' swap, backup and lock files), symbolic links, and the marker. The store does not follow symbolic links.
 *
 * <p>A store on a volume this process cannot write (a read-only mount, a folder without write permission) opens
 * read-only: it reads and watches as usual, takes the OS lock shared through a read-only descriptor when
 * {@code .warden/lock} exists (so it still never sees half of another writer's commit), creates nothing, and refuses
 * every commit. It cannot complete a commit a crashed writer left in the journal, so it refuses to open, and to read,
 * while one is there.
 */
public final class FileDirectoryStore implements DirectoryStore {

    private static final byte[] MARKER_CONTENT = "{\"format\": 1}\n".getBytes(StandardCharsets.UTF_8);
    private static final String TEMPORARY_SUFFIX = ".warden-tmp";
    private static final int READ_CHUNK = 256;
    private static final int PARALLEL_STAGING_THRESHOLD = 32;
    private static final int STAGING_CHUNK = 8;
    /** The largest document, in bytes (64 MiB): a larger file is an error, not a document to load whole. */
    static final int MAX_DOCUMENT_BYTES = 64 << 20;
    /**
     * Threads reading documents (readAll) and writing large commits: reads wait on the disk when the page cache
     * lacks the files, and concurrent syncs share the disk's flushes, so more threads than cores help.
     */
    private static final int IO_THREADS =
            Math.min(8, Math.max(4, 4 * Runtime.getRuntime().availableProcessors()));
    private static final byte[] ABSENT = new byte[0];
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Path root;
    private final Journal journal;
    private final StoreLock lock;
    private final boolean readOnly;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** While watching: what this object last wrote at each path (SHA-256, or {@link #ABSENT}). */
    private final Map<String, byte[]> ownWrites = new ConcurrentHashMap<>();
    private volatile boolean recordingOwnWrites;
    private final Object watchGuard = new Object();
    private StoreWatcher watcher; // guarded by watchGuard
    private ThreadPoolExecutor io; // guarded by this
    /** Tests make commits fail at chosen steps through this; {@code null} otherwise. */
    private volatile FaultHook faults;

    /** A step of applying a commit, for tests that make it fail. */
    interface FaultHook {
        /** Called before {@code step} ({@code "stage"}: write a temporary file, {@code "rename"}) on a file. */
        void before(String step, Path file) throws IOException;
    }

    private FileDirectoryStore(Path root, Journal journal, StoreLock lock, boolean readOnly) {
        this.root = root;
        this.journal = journal;
        this.lock = lock;
        this.readOnly = readOnly;
    }

    /**
     * Opens the store in {@code root}, making it one if the folder is new or empty, and completes any commit a
     * crashed writer left in the journal.
     *
     * <p>A store this process cannot write (see {@link #isReadOnly()}) opens {@linkplain #openReadOnly read-only}.
     *
     * @throws IOException with the path if {@code root} is not a folder, is a non-empty folder that is not a store
     *     (no {@code warden-store.json}: a mistyped path must not get files written into it), has a marker of
     *     another format, or cannot be read or written
     */
    public static FileDirectoryStore open(Path root) throws IOException {
        Path given = root.toAbsolutePath().normalize();
        if (!Files.exists(given)) {
            try {
                Files.createDirectories(given);
            } catch (IOException e) {
                throw DurableFiles.withPath(given, "cannot create the store folder", e);
            }
        }
        if (!Files.isDirectory(given)) {
            throw new IOException(given + ": not a folder, cannot hold a Warden store");
        }
        Path real = given.toRealPath();
        if (cannotWrite(real)) {
            return openReadOnly(real);
        }
        Path marker = real.resolve(DocumentPaths.MARKER);
        if (!Files.exists(marker) && !emptyButForInternals(real)) {
            throw new IOException(real + ": not a Warden store (no " + DocumentPaths.MARKER
                    + ") and not empty; refusing to write into it (give a new or empty folder, or an existing store)");
        }
        Path internal = real.resolve(DocumentPaths.INTERNAL);
        Path journalFolder = internal.resolve("journal");
        Path temporary = internal.resolve("tmp");
        Set<Path> changedFolders = new LinkedHashSet<>();
        DurableFiles.createFolders(real, journalFolder, changedFolders);
        DurableFiles.createFolders(real, temporary, changedFolders);
        DurableFiles.syncFolders(changedFolders);
        StoreLock lock = StoreLock.open(internal.resolve("lock"));
        FileDirectoryStore store = new FileDirectoryStore(real, new Journal(real, journalFolder, temporary), lock, false);
        return store.checked(() -> {
            lock.lockExclusive();
            try {
                store.checkOrWriteMarker(marker, temporary);
                store.recover();
            } finally {
                lock.unlockExclusive();
            }
        });
    }

    /** A step of opening a store. */
    private interface OpeningStep {
        void run() throws IOException;
    }

    /** This new store once {@code step} has checked it; if the step fails, the store lets go of its lock. */
    private FileDirectoryStore checked(OpeningStep step) throws IOException {
        try {
            step.run();
        } catch (IOException | RuntimeException | Error e) {
            try {
                lock.close();
            } catch (IOException x) {
                e.addSuppressed(x);
            }
            throw e;
        }
        return this;
    }

    /**
     * Opens the existing store in {@code root} for reading only: nothing is created or written (no lock file, no
     * journal recovery, no marker), and every {@link #commit} is refused. For a store on a read-only volume (a
     * mounted config map, a read-only bind mount); {@link #open} chooses this by itself for a folder it cannot write.
     *
     * @throws IOException with the path if {@code root} is not a store, or holds a commit a crashed writer left in the
     *     journal (which only a writable store can complete)
     */
    public static FileDirectoryStore openReadOnly(Path root) throws IOException {
        Path given = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(given)) {
            throw new IOException(given + ": " + (Files.exists(given) ? "not a folder" : "no such folder")
                    + ", cannot hold a Warden store");
        }
        Path real = given.toRealPath();
        Path marker = real.resolve(DocumentPaths.MARKER);
        if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(real + ": not a Warden store (no " + DocumentPaths.MARKER
                    + "), and read-only, so it cannot be made one");
        }
        Path internal = real.resolve(DocumentPaths.INTERNAL);
        StoreLock lock = StoreLock.openReadOnly(internal.resolve("lock"));
        FileDirectoryStore store = new FileDirectoryStore(real, new Journal(real, internal.resolve("journal"),
                internal.resolve("tmp")), lock, true);
        store.checked(() -> {
            store.checkOrWriteMarker(marker, null);
            lock.lockShared();
            try {
                store.refusePendingCommit();
            } finally {
                lock.unlockShared();
            }
        });
        log().info("{}: opened read-only (decisions and reads work; changes are refused)", real);
        return store;
    }

    /**
     * Whether this process cannot write the store folder or its {@code .warden} folder (a read-only mount, no write
     * permission), judged by the OS's access check: root passes it on a writable file system whatever the modes.
     */
    private static boolean cannotWrite(Path real) {
        Path internal = real.resolve(DocumentPaths.INTERNAL);
        return !Files.isWritable(real)
                || Files.isDirectory(internal, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(internal);
    }

    /** The store's folder (its real path). */
    public Path root() {
        return root;
    }

    /** Whether this store was opened read-only: it refuses every commit. */
    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    /** A read-only store cannot complete an interrupted commit, and reading around it would show the old state. */
    private void refusePendingCommit() throws IOException {
        List<Path> pending = journal.entries();
        if (!pending.isEmpty()) {
            throw new IOException(root + ": a commit interrupted by a crash waits in " + pending.get(0)
                    + ", and the store is read-only, so it cannot be completed; open the store once where it is "
                    + "writable (any warden command does) to complete it");
        }
    }

    private static boolean emptyButForInternals(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().equals(DocumentPaths.INTERNAL)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw DurableFiles.withPath(folder, "cannot list the store folder", e);
        }
    }

    private void checkOrWriteMarker(Path marker, Path temporary) throws IOException {
        if (Files.exists(marker)) {
            Long format = null;
            try (JsonParser json = new JsonFactory().createParser(Files.readAllBytes(marker))) {
                if (json.nextToken() == JsonToken.START_OBJECT) {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String field = json.currentName();
                        if (json.nextToken() == JsonToken.VALUE_NUMBER_INT && field.equals("format")) {
                            format = json.getLongValue();
                        }
                        json.skipChildren();
                    }
                }
            } catch (IOException e) {
                throw new IOException(marker + ": not a Warden store marker: " + e.getMessage(), e);
            }
            if (format == null) {
                throw new IOException(marker + ": not a Warden store marker (no \"format\" number)");
            }
            if (format != 1) {
                throw new IOException(marker + ": store format " + format + " is not supported (this Warden reads 1)");
            }
            return;
        }
        Path staged = temporary.resolve(DocumentPaths.MARKER);
        DurableFiles.write(staged, MARKER_CONTENT);
        try {
            Files.move(staged, marker, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw DurableFiles.withPath(marker, "cannot write the store marker", e);
        }
        DurableFiles.syncFolder(root);
        log().debug("{}: new Warden store", root);
    }

    // ---------------------------------------------------------------------------------------------- reads

    /**
     * {@inheritDoc}
     *
     * @throws IOException naming the file, if any document cannot be read ({@link #readAllDocuments()} reads on)
     */
    @Override
    public Map<String, String> readAll() throws IOException {
        return refuseUnreadable(readAllDocuments()).readable();
    }

    @Override
    public StoredDocuments readAllDocuments() throws IOException {
        ensureOpen();
        lockSharedRecovered();
        try {
            return readAllLocked();
        } finally {
            lock.unlockShared();
        }
    }

    @Override
    public StoredDocuments readDocuments(Collection<String> paths) throws IOException {
        Objects.requireNonNull(paths, "paths");
        ensureOpen();
        List<String> wanted = new ArrayList<>(paths);
        List<Path> files = new ArrayList<>(wanted.size());
        for (String path : wanted) {
            DocumentPaths.check(path);
            files.add(DocumentPaths.resolve(root, path));
        }
        Map<String, String> readable = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        lockSharedRecovered();
        try {
            for (int i = 0; i < wanted.size(); i++) {
                try {
                    byte[] bytes = documentBytes(wanted.get(i), files.get(i));
                    if (bytes != null) {
                        readable.put(wanted.get(i), text(files.get(i), bytes));
                    }
                } catch (UnreadableFileException e) {
                    unreadable.put(wanted.get(i), e.reason());
                }
            }
        } finally {
            lock.unlockShared();
        }
        return new StoredDocuments(Collections.unmodifiableMap(readable), Collections.unmodifiableMap(unreadable));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IOException naming the file, if a document cannot be read ({@link #readDocuments} reads on)
     */
    @Override
    public Map<String, Optional<String>> read(Collection<String> paths) throws IOException {
        StoredDocuments documents = refuseUnreadable(readDocuments(paths));
        Map<String, Optional<String>> result = new LinkedHashMap<>();
        for (String path : paths) {
            result.put(path, Optional.ofNullable(documents.readable().get(path)));
        }
        return Collections.unmodifiableMap(result);
    }

    /** {@code documents}, if every one could be read; else an IOException naming the first that could not. */
    private StoredDocuments refuseUnreadable(StoredDocuments documents) throws IOException {
        if (!documents.unreadable().isEmpty()) {
            Map.Entry<String, String> first = documents.unreadable().entrySet().iterator().next();
            throw new IOException(DocumentPaths.resolve(root, first.getKey()) + ": " + first.getValue());
        }
        return documents;
    }

    /** Takes the shared lock, first completing any commit left in the journal (a read-only store refuses). */
    private void lockSharedRecovered() throws IOException {
        while (true) {
            lock.lockShared();
            boolean pending;
            try {
                pending = journal.hasEntries();
                if (pending && readOnly) {
                    refusePendingCommit();
                }
            } catch (IOException | RuntimeException | Error e) {
                lock.unlockShared();
                throw e;
            }
            if (!pending) {
                return;
            }
            lock.unlockShared();
            lock.lockExclusive();
            try {
                recover();
            } finally {
                lock.unlockExclusive();
            }
        }
    }

    /** A run of document files found by the walk, read by a pool thread while the walk goes on. */
    private static final class Chunk {
        final Path[] files = new Path[READ_CHUNK];
        final String[] paths = new String[READ_CHUNK];
        final long[] sizes = new long[READ_CHUNK];
        final String[] contents = new String[READ_CHUNK];
        /** Why each file that exists could not be read, or {@code null}. */
        final String[] failures = new String[READ_CHUNK];
        int size;

        void read() {
            for (int i = 0; i < size; i++) {
                try {
                    contents[i] = textOrNull(files[i], sizes[i]);
                } catch (IOException e) {
                    failures[i] = UnreadableFileException.of(files[i], e).reason();
                }
            }
        }
    }

    /**
     * Walks the tree on the calling thread and hands the document files it finds, a chunk at a time, to the read
     * pool: the walk (a {@code stat} per entry) overlaps the reads.
     */
    private StoredDocuments readAllLocked() throws IOException {
        int rootLength = root.toString().length() + 1;
        String separator = root.getFileSystem().getSeparator();
        List<Chunk> chunks = new ArrayList<>();
        List<Future<?>> reading = new ArrayList<>();
        Map<String, String> statFailures = new LinkedHashMap<>();
        Chunk[] current = {new Chunk()};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    return folder.equals(root) || !DocumentPaths.isHidden(folder.getFileName().toString())
                            ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && !DocumentPaths.isHidden(file.getFileName().toString())) {
                        String path = file.toString().substring(rootLength);
                        if (!separator.equals("/")) {
                            path = path.replace(separator, "/");
                        }
                        if (DocumentPaths.isDocument(path)) { // not the marker, nor a name with a backslash
                            Chunk chunk = current[0];
                            chunk.files[chunk.size] = file;
                            chunk.paths[chunk.size] = path;
                            chunk.sizes[chunk.size] = attributes.size();
                            if (++chunk.size == READ_CHUNK) {
                                chunks.add(chunk);
                                reading.add(ioPool().submit(chunk::read));
                                current[0] = new Chunk();
                            }
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // deleted by hand while we walked
                    }
                    String path = DocumentPaths.relative(root, file);
                    if (DocumentPaths.isDocument(path) && !DocumentPaths.isHidden(file.getFileName().toString())) {
                        statFailures.put(path, UnreadableFileException.of(file, e).reason());
                        return FileVisitResult.CONTINUE;
                    }
                    throw DurableFiles.withPath(file, "cannot read", e);
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw DurableFiles.withPath(folder, "cannot list", e);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            chunks.add(current[0]);
            current[0].read();
        } catch (RejectedExecutionException e) {
            awaitQuietly(reading);
            throw new IllegalStateException(root + ": store closed", e);
        } catch (IOException | RuntimeException | Error e) {
            awaitQuietly(reading);
            throw e;
        }
        await(reading);
        int count = 0;
        for (Chunk chunk : chunks) {
            count += chunk.size;
        }
        Map<String, String> documents = new HashMap<>((int) (count / 0.75f) + 1);
        Map<String, String> unreadable = new LinkedHashMap<>(statFailures);
        for (Chunk chunk : chunks) {
            for (int i = 0; i < chunk.size; i++) {
                if (chunk.contents[i] != null) {
                    documents.put(chunk.paths[i], chunk.contents[i]);
                } else if (chunk.failures[i] != null) {
                    unreadable.put(chunk.paths[i], chunk.failures[i]);
                }
            }
        }
        return new StoredDocuments(Collections.unmodifiableMap(documents), Collections.unmodifiableMap(unreadable));
    }

    /** Waits for every read; rethrows the first failure. */
    private void await(List<Future<?>> reading) throws IOException {
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<?> read : reading) {
            while (true) {
                try {
                    read.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the reads fill chunks this call returns: wait for them to end
                    if (failure == null) {
                        failure = new InterruptedIOException("interrupted while reading " + root);
                    }
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(failure);
    }

    /** Waits for the reads started before a failure, so none runs on after the shared lock is released. */
    private static void awaitQuietly(List<Future<?>> reading) {
        for (Future<?> read : reading) {
            read.cancel(false);
        }
        boolean interrupted = false;
        for (Future<?> read : reading) {
            while (!read.isDone()) {
                try {
                    read.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized ThreadPoolExecutor ioPool() {
        if (io == null) {
            if (closed.get()) {
                throw new RejectedExecutionException("closed");
            }
            int pool = POOLS.incrementAndGet();
            AtomicInteger count = new AtomicInteger();
            io = new ThreadPoolExecutor(IO_THREADS, IO_THREADS, 10, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "warden-store-io-" + pool + "-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            io.allowCoreThreadTimeOut(true);
        }
        return io;
    }

    /**
     * The content of a document file found by walking ({@code size} bytes then, most likely still), or {@code null}
     * if it vanished meanwhile. Reads through a channel into an array of the expected size, sparing the
     * {@code fstat} of {@link Files#readAllBytes}.
     */
    private static String textOrNull(Path file, long size) throws IOException {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            bytes = new byte[(int) Math.min(size + 1, MAX_DOCUMENT_BYTES)];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (channel.read(buffer) >= 0) {
                if (!buffer.hasRemaining()) { // it grew since the walk
                    if (bytes.length >= MAX_DOCUMENT_BYTES) {
                        throw new UnreadableFileException(file, "larger than a document may be ("
                                + MAX_DOCUMENT_BYTES + " bytes)", null);
                    }
                    bytes = Arrays.copyOf(bytes, (int) Math.min(2L * bytes.length, MAX_DOCUMENT_BYTES));
                    buffer = ByteBuffer.wrap(bytes).position(buffer.position());
                }
            }
            if (buffer.position() != bytes.length) {
                bytes = Arrays.copyOf(bytes, buffer.position());
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw UnreadableFileException.of(file, e);
        }
        return text(file, bytes);
    }

    /** The content of the document {@code path}, or {@code null} if there is none (no file, or not a file). */
    private byte[] documentBytes(String path, Path file) throws IOException {
        if (!DocumentPaths.foldersAreReal(root, file, path)) {
            return null;
        }
        BasicFileAttributes attributes = DurableFiles.attributesOrNull(file);
        if (attributes == null || !attributes.isRegularFile()) {
            return null;
        }
        checkSize(file, attributes.size());
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw UnreadableFileException.of(file, e);
        }
    }

    private static void checkSize(Path file, long size) throws IOException {
        if (size > MAX_DOCUMENT_BYTES) {
            throw new UnreadableFileException(file, size + " bytes, larger than a document may be ("
                    + MAX_DOCUMENT_BYTES + ")", null);
        }
    }

    /** {@code bytes} as text; refuses bytes that are not UTF-8 (with the file). */
    private static String text(Path file, byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) { // a replaced malformed sequence, or a real U+FFFD: look closer
            ByteBuffer in = ByteBuffer.wrap(bytes);
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(in);
            } catch (CharacterCodingException e) {
                throw new UnreadableFileException(file, "not UTF-8 text (a malformed byte sequence at byte offset "
                        + in.position() + ")", e);
            }
        }
        return text;
    }

    // ---------------------------------------------------------------------------------------------- commits

    @Override
    public void commit(List<DocumentChange> changes) throws IOException, StoreConflictException {
        Objects.requireNonNull(changes, "changes");
        ensureOpen();
        if (changes.isEmpty()) {
            return;
        }
        if (readOnly) {
            throw new IOException("The store " + root + " is read-only: changes are refused (decisions and reads "
                    + "work)");
        }
        List<Journal.Change> writes = new ArrayList<>(changes.size());
        List<byte[]> expected = new ArrayList<>(changes.size());
        Set<String> seen = new HashSet<>();
        for (DocumentChange change : changes) {
            Objects.requireNonNull(change, "change");
            DocumentPaths.check(change.path());
            if (!seen.add(change.path())) {
                throw new IllegalArgumentException("a commit changes a document at most once: " + change.path());
            }
            expected.add(change.expected() == null ? null : utf8(change.path(), change.expected()));
            writes.add(new Journal.Change(change.path(), DocumentPaths.resolve(root, change.path()),
                    change.replacement() == null ? null : utf8(change.path(), change.replacement())));
        }
        lock.lockExclusive();
        try {
            recover();
            for (int i = 0; i < writes.size(); i++) {
                Journal.Change write = writes.get(i);
                if (!Arrays.equals(currentBytes(write), expected.get(i))) {
                    throw new StoreConflictException(write.path());
                }
            }
            String id = newEntryId();
            Path entry = journal.record(id, writes);
            apply(id, writes, entry);
            try {
                journal.remove(entry);
            } catch (IOException e) {
                throw new IOException("the commit is applied, but its journal entry could not be removed "
                        + "(recovery would apply it again): " + e.getMessage(), e);
            }
            if (recordingOwnWrites) {
                for (Journal.Change write : writes) {
                    ownWrites.put(write.path(), write.content() == null ? ABSENT : sha256(write.content()));
                }
            }
        } finally {
            lock.unlockExclusive();
        }
    }

    /** The bytes of the file a change replaces, {@code null} if absent; refuses what is not a document file. */
    private byte[] currentBytes(Journal.Change write) throws IOException {
        if (!DocumentPaths.foldersAreReal(root, write.file(), write.path())) {
            return null;
        }
        BasicFileAttributes attributes = DurableFiles.attributesOrNull(write.file());
        if (attributes == null) {
            return null;
        }
        if (attributes.isSymbolicLink()) {
            throw new IOException(write.file() + ": is a symbolic link; the store does not follow links");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(write.file() + ": exists and is not a file");
        }
        checkSize(write.file(), attributes.size());
        try {
            return Files.readAllBytes(write.file());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw DurableFiles.withPath(write.file(), "cannot read", e);
        }
    }

    /**
     * Applies a recorded journal entry: writes and syncs every new content beside its document, then renames each
     * into place (or deletes the document) and syncs the folders. Called by a commit ({@code entry} given: a
     * failure before any rename rolls the commit back) and by recovery ({@code entry} null: applying again is
     * harmless, as temporary file names are fixed by the entry).
     */
    private void apply(String id, List<Journal.Change> writes, Path entry) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        Path[] staged = new Path[writes.size()];
        try {
            for (int i = 0; i < writes.size(); i++) {
                Journal.Change write = writes.get(i);
                if (write.content() != null) {
                    Path folder = write.file().getParent();
                    DurableFiles.createFolders(root, folder, folders);
                    staged[i] = folder.resolve(temporaryName(write.file(), id, i));
                }
            }
            IndexTask stage = i -> {
                Journal.Change write = writes.get(i);
                if (write.content() != null) {
                    fault("stage", write.file());
                    DurableFiles.write(staged[i], write.content());
                }
            };
            if (writes.size() < PARALLEL_STAGING_THRESHOLD) {
                for (int i = 0; i < writes.size(); i++) {
                    stage.run(i);
                }
            } else {
                inParallel(writes.size(), STAGING_CHUNK, stage); // concurrent syncs share the disk's flushes
            }
        } catch (IOException | RuntimeException | Error e) {
            if (entry != null) {
                rollBack(staged, entry, e);
            }
            throw e;
        }
        try {
            for (int i = 0; i < writes.size(); i++) {
                Journal.Change write = writes.get(i);
                fault("rename", write.file());
                if (write.content() == null) {
                    try {
                        if (!Files.deleteIfExists(write.file())
                                && !Files.isDirectory(write.file().getParent(), LinkOption.NOFOLLOW_LINKS)) {
                            continue; // gone with its folder (recovery applying an entry again): nothing to sync
                        }
                    } catch (IOException e) {
                        throw DurableFiles.withPath(write.file(), "cannot delete", e);
                    }
                } else {
                    try {
                        Files.move(staged[i], write.file(), StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw DurableFiles.withPath(write.file(), "cannot replace", e);
                    }
                }
                folders.add(write.file().getParent());
            }
            DurableFiles.syncFolders(folders);
        } catch (IOException e) {
            if (entry == null) {
                throw e;
            }
            throw new IOException("the commit is recorded in " + entry + " but could not be fully applied; "
                    + "the next read or commit completes it: " + e.getMessage(), e);
        }
    }

    /** A step done for each index of a range. */
    private interface IndexTask {
        void run(int index) throws IOException;
    }

    /**
     * Runs {@code task} for 0 to {@code count - 1}, chunk by chunk, on the calling thread and the I/O pool; returns
     * when every started chunk has ended, throwing the first failure (later chunks are then skipped).
     */
    private void inParallel(int count, int chunk, IndexTask task) throws IOException {
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                for (int start; failure.get() == null && (start = nextChunk.getAndIncrement() * chunk) < count; ) {
                    for (int i = start, end = Math.min(start + chunk, count); i < end; i++) {
                        task.run(i);
                    }
                }
            } catch (IOException | RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        try {
            for (int i = 0, wanted = Math.min(IO_THREADS, (count - 1) / chunk); i < wanted; i++) {
                helpers.add(ioPool().submit(worker));
            }
        } catch (RejectedExecutionException e) {
            failure.compareAndSet(null, new IllegalStateException(root + ": store closed", e));
        }
        worker.run();
        boolean interrupted = false;
        for (Future<?> helper : helpers) {
            while (true) {
                try {
                    helper.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers work on the caller's files: wait for them to end
                } catch (ExecutionException e) {
                    failure.compareAndSet(null, e.getCause());
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(failure.get());
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException) {
            throw (IOException) failure;
        } else if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        } else if (failure instanceof Error) {
            throw (Error) failure;
        }
    }

    private void fault(String step, Path file) throws IOException {
        FaultHook hook = faults;
        if (hook != null) {
            hook.before(step, file);
        }
    }

    /** For tests: makes the steps of applying commits call {@code hook} ({@code null}: no more). */
    void injectFaults(FaultHook hook) {
        faults = hook;
    }

    /** Undoes a commit that failed before renaming anything: its temporary files and its journal entry go. */
    private void rollBack(Path[] staged, Path entry, Throwable failure) throws IOException {
        for (Path temporary : staged) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    failure.addSuppressed(e);
                }
            }
        }
        try {
            journal.remove(entry);
        } catch (IOException e) {
            IOException worse = new IOException("a commit failed (" + failure.getMessage() + ") and its journal "
                    + "entry could not be removed, so the next read or commit will apply it", failure);
            worse.addSuppressed(e);
            throw worse;
        }
    }

    /**
     * Completes the commits left in the journal by writers that died after their commit point, and drops what
     * writers that died before it left. Holds the exclusive lock.
     */
    private void recover() throws IOException {
        for (Path entry : journal.entries()) {
            List<Journal.Change> writes = journal.read(entry);
            apply(Journal.id(entry), writes, null);
            journal.remove(entry);
            log().info("{}: completed commit {} ({} documents), interrupted after its commit point", root,
                    Journal.id(entry), writes.size());
        }
        int dropped = journal.clearTemporaryFiles();
        if (dropped > 0) {
            log().info("{}: dropped {} temporary files of commits interrupted before their commit point", root,
                    dropped);
        }
    }

    /** {@code .NAME.ID-INDEX.warden-tmp}, the name shortened so the whole stays well within file-name limits. */
    private static String temporaryName(Path file, String id, int index) {
        String name = file.getFileName().toString();
        if (name.length() > 40) {
            name = name.substring(0, 40);
        }
        return "." + name + "." + id + "-" + index + TEMPORARY_SUFFIX;
    }

    /** {@code MILLIS-RANDOM}: entries sort by time; the random part keeps concurrent stores' entries apart. */
    private static String newEntryId() {
        String random = Integer.toHexString(ThreadLocalRandom.current().nextInt());
        return System.currentTimeMillis() + "-" + "0".repeat(8 - random.length()) + random;
    }

    /** The UTF-8 encoding of a document's content; refuses text that has none (an unpaired surrogate). */
    private static byte[] utf8(String path, String content) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(content));
            if (encoded.remaining() > MAX_DOCUMENT_BYTES) {
                throw new IllegalArgumentException("content of " + path + " is larger than a document may be ("
                        + MAX_DOCUMENT_BYTES + " bytes)");
            }
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("content of " + path + " is not valid Unicode text: " + e, e);
        }
    }

    // ---------------------------------------------------------------------------------------------- watch

    /**
     * Reports, on a daemon thread, the paths of documents changed by anyone but this object, some 10 ms after the
     * first change of a burst (a commit of another process is reported whole, once it completes). An empty set means
     * "read everything again" (the OS dropped events, or a folder was removed or moved away). Several listeners
     * may be added; each is called on the watch thread, which {@link #close} stops.
     *
     * @throws UncheckedIOException if the store's folders cannot be watched
     */
    @Override
    public void watch(Consumer<Set<String>> listener) {
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        synchronized (watchGuard) {
            if (watcher == null) {
                recordingOwnWrites = true;
                try {
                    watcher = StoreWatcher.start(this, listener);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                watcher.addListener(listener);
            }
        }
    }

    /** The watch thread, if {@link #watch} started one (for tests). */
    Thread watchThread() {
        synchronized (watchGuard) {
            return watcher == null ? null : watcher.thread();
        }
    }

    StoreLock lock() {
        return lock;
    }

    /**
     * Whether the document {@code path} holds what this object last wrote there (so a change seen there is this
     * object's own). Once a path is found changed by someone else, it stays reported until this object writes it
     * again. Called by the watch thread under the shared lock.
     */
    boolean isOwnWrite(String path) {
        byte[] recorded = ownWrites.get(path);
        if (recorded == null) {
            return false;
        }
        byte[] current;
        try {
            current = documentBytes(path, DocumentPaths.resolve(root, path));
        } catch (IOException | RuntimeException e) {
            ownWrites.remove(path, recorded); // unreadable now: report it, the listener will see why
            return false;
        }
        if (Arrays.equals(recorded, current == null ? ABSENT : sha256(current))) {
            return true;
        }
        ownWrites.remove(path, recorded);
        return false;
    }

    /** Looked up when needed: logging is rare, and its setup would slow every start. */
    private static Logger log() {
        return LoggerFactory.getLogger(FileDirectoryStore.class);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(root + ": store closed");
        }
    }

    /** Stops the watch thread and the I/O threads and lets go of the lock file. */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            synchronized (watchGuard) {
                if (watcher != null) {
                    watcher.close();
                }
            }
        } finally {
            try {
                synchronized (this) {
                    if (io != null) {
                        io.shutdown();
                    }
                }
            } finally {
                lock.close();
            }
        }
    }

    @Override
    public String toString() {
        return "FileDirectoryStore[" + root + "]";
    }
}
