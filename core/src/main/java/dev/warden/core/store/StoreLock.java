package dev.warden.core.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The readers-writer lock of one store, across threads and processes: a {@link ReentrantReadWriteLock} for the
 * threads of this JVM, and an OS file lock on {@code .warden/lock} for other processes (shared while any thread of
 * this JVM reads, exclusive while one writes).
 *
 * <p>OS file locks belong to the process, and on Linux closing <em>any</em> descriptor of the file drops every lock
 * the process holds on it; Java also refuses overlapping locks from one JVM. So there is one {@code StoreLock} per
 * lock file per JVM, shared by every store object opened on that root and reference-counted.
 *
 * <p>A blocking {@link FileChannel#lock} closes the channel when the waiting thread is interrupted, which would
 * drop the locks of every other thread; so the OS lock is taken with {@link FileChannel#tryLock} and a short
 * backoff (50 µs doubling to 2 ms), which an interrupt cannot break.
 */
final class StoreLock implements Closeable {

    private static final Map<Object, StoreLock> OPEN = new HashMap<>();
    private static final long MIN_BACKOFF_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final Object key;
    private final Path file;
    /** The lock file open for reading and writing, or for reading only; {@code null}: no lock file, no OS lock. */
    private final FileChannel channel;
    private final boolean readOnly;
    private final ReentrantReadWriteLock threads = new ReentrantReadWriteLock(true);
    private int users; // guarded by OPEN
    private int readers; // guarded by this
    private FileLock sharedLock; // guarded by this
    private FileLock exclusiveLock; // written by the thread holding the write lock

    private StoreLock(Object key, Path file, FileChannel channel, boolean readOnly) {
        this.key = key;
        this.file = file;
        this.channel = channel;
        this.readOnly = readOnly;
    }

    /** The lock of {@code file} (created if absent), shared with other users in this JVM; {@link #close} it. */
    static StoreLock open(Path file) throws IOException {
        synchronized (OPEN) {
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another process created it first: the same file
                }
            }
            Object fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            Object key = fileKey != null ? fileKey : file.toRealPath();
            StoreLock lock = OPEN.get(key);
            if (lock == null) {
                lock = new StoreLock(key, file,
                        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE), false);
                OPEN.put(key, lock);
            } else if (lock.readOnly) {
                throw new IOException(file + ": the store is open read-only in this JVM; close it before opening it "
                        + "for writing");
            }
            lock.users++;
            return lock;
        }
    }

    /**
     * The lock of {@code file} for a read-only store: shared OS locks through a read-only descriptor when the file
     * exists (writers elsewhere create it, and take it exclusively while they commit), none when it does not (no
     * writer has ever opened the store, and none can where this process cannot write). Creates nothing.
     */
    static StoreLock openReadOnly(Path file) throws IOException {
        synchronized (OPEN) {
            boolean exists = Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            Object fileKey = exists ? Files.readAttributes(file, BasicFileAttributes.class).fileKey() : null;
            Object key = !exists ? new Object() : fileKey != null ? fileKey : file.toRealPath();
            StoreLock lock = OPEN.get(key);
            if (lock == null) {
                lock = new StoreLock(key, file, exists ? FileChannel.open(file, StandardOpenOption.READ) : null, true);
                OPEN.put(key, lock);
            }
            lock.users++;
            return lock;
        }
    }

    /** Waits until no thread or process writes, then holds the lock shared. */
    void lockShared() throws IOException {
        acquire(threads.readLock());
        try {
            synchronized (this) {
                if (readers == 0 && channel != null) {
                    sharedLock = osLock(true);
                }
                readers++;
            }
        } catch (IOException | RuntimeException | Error e) {
            threads.readLock().unlock();
            throw e;
        }
    }

    void unlockShared() throws IOException {
        try {
            synchronized (this) {
                if (--readers == 0 && sharedLock != null) {
                    FileLock lock = sharedLock;
                    sharedLock = null;
                    lock.release();
                }
            }
        } finally {
            threads.readLock().unlock();
        }
    }

    /** Waits until no other thread or process reads or writes, then holds the lock exclusively. */
    void lockExclusive() throws IOException {
        if (readOnly) {
            throw new IOException(file + ": the store is open read-only");
        }
        acquire(threads.writeLock());
        try {
            exclusiveLock = osLock(false);
        } catch (IOException | RuntimeException | Error e) {
            threads.writeLock().unlock();
            throw e;
        }
    }

    void unlockExclusive() throws IOException {
        try {
            FileLock lock = exclusiveLock;
            exclusiveLock = null;
            lock.release();
        } finally {
            threads.writeLock().unlock();
        }
    }

    /** Whether the current thread holds the lock exclusively. */
    boolean heldExclusively() {
        return threads.isWriteLockedByCurrentThread();
    }

    private void acquire(java.util.concurrent.locks.Lock lock) throws InterruptedIOException {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the lock of " + file);
        }
    }

    private FileLock osLock(boolean shared) throws IOException {
        long backoff = MIN_BACKOFF_NANOS;
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            } catch (IOException e) {
                throw new IOException(file + ": cannot lock: " + e.getMessage(), e);
            }
            if (lock != null) {
                return lock;
            }
            LockSupport.parkNanos(this, backoff);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the lock of " + file);
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
        }
    }

    /** Drops this user; the last one closes the file (which releases any OS lock still held). */
    @Override
    public void close() throws IOException {
        synchronized (OPEN) {
            if (users == 0) {
                return;
            }
            if (--users == 0) {
                OPEN.remove(key);
                if (channel != null) {
                    channel.close();
                }
            }
        }
    }
}
