/**
 * Where the directory lives (contract 2 of DESIGN.md): {@link dev.warden.core.store.FileDirectoryStore}, a {@link
 * dev.warden.spi.DirectoryStore} in a folder of human-readable files, one per document, that knows nothing of IAM;
 * and {@link dev.warden.core.store.InMemoryDirectoryStore}, for tests and directories built in code.
 *
 * <p>The file store:
 * <ul>
 *   <li>Layout: {@code warden-store.json} marks the folder as a store ({@code {"format": 1}}); documents are files at
 *       their relative paths; the store's own files live in {@code .warden/} (lock, journal, temporary files). A
 *       non-empty folder without the marker is refused, so a mistyped path never gets files written into it. Names
 *       starting with {@code .} or {@code #} or ending with {@code ~} are never documents (the store's internals,
 *       editors' swap, backup and lock files): a layer that maps names to paths must escape such names.</li>
 *   <li>Commits are compare-and-swap and atomic across documents through a write-ahead journal: the entry, with
 *       every new content, is synced and renamed into {@code .warden/journal/} (the commit point), then each
 *       document is written to a temporary file, synced and renamed into place. Recovery (on open, and before any
 *       read or commit that finds an entry) applies complete entries again and drops incomplete temporary files:
 *       after a crash the store holds the state before or after each commit, never a mix.</li>
 *   <li>Processes share the store through an OS file lock on {@code .warden/lock} (shared for reads, exclusive for
 *       commits and recovery) and threads through an in-JVM lock, so reads never see part of a commit.</li>
 *   <li>{@code watch} reports documents changed by others (other processes, other store objects, editors) with a
 *       {@link java.nio.file.WatchService} over every document folder; the store object's own commits are left
 *       out.</li>
 * </ul>
 */
package dev.warden.core.store;
