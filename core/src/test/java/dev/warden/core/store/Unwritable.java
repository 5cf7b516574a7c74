package dev.warden.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes a folder tree unwritable for this process, as a read-only volume is, and writable again on close: by
 * removing the write permissions, or, for root (whom permissions do not stop), by marking every entry immutable
 * ({@code chattr +i}, which stops root too and which the OS's access check reports).
 */
public final class Unwritable implements AutoCloseable {

    private final Path root;
    private final boolean immutable;

    private Unwritable(Path root, boolean immutable) {
        this.root = root;
        this.immutable = immutable;
    }

    /** Makes {@code root} and everything under it unwritable; {@link #close} undoes it. */
    public static Unwritable make(Path root) throws IOException, InterruptedException {
        boolean superuser = Integer.valueOf(0).equals(Files.getAttribute(root, "unix:uid"));
        if (superuser) {
            run("chattr", "-R", "+i", root.toString());
        } else {
            setWritable(root, false);
        }
        Unwritable made = new Unwritable(root, superuser);
        if (Files.isWritable(root)) {
            made.close();
            throw new IllegalStateException(root + " is still writable after " + (superuser ? "chattr +i" : "chmod"));
        }
        return made;
    }

    private static void setWritable(Path root, boolean writable) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
                if (writable) {
                    permissions.add(PosixFilePermission.OWNER_WRITE);
                } else {
                    permissions.removeAll(List.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                            PosixFilePermission.OTHERS_WRITE));
                }
                Files.setPosixFilePermissions(path, permissions);
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Makes the tree writable again. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable) {
            run("chattr", "-R", "-i", root.toString());
        } else {
            setWritable(root, true);
        }
    }
}
