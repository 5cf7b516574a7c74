package dev.warden.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The engine's class loader: the nested {@code dev/warden/agent/internal.jar}, copied to a private temporary file
 * (a {@link URLClassLoader} reads jars from files) and read by a loader whose parent is the platform loader, so it
 * sees the JDK and the bootstrap bridge, never the application's classes.
 */
final class InternalJar {

    static final String ENTRY = "dev/warden/agent/internal.jar";

    private InternalJar() {
    }

    static ClassLoader open(Path agentJar) throws IOException {
        Path copy;
        try (JarFile outer = new JarFile(agentJar.toFile())) {
            ZipEntry entry = outer.getEntry(ENTRY);
            if (entry == null) {
                throw new IOException(agentJar + ": no " + ENTRY + " inside; not a complete Warden agent jar");
            }
            copy = privateTemporaryFile();
            try (InputStream in = outer.getInputStream(entry)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        copy.toFile().deleteOnExit();
        return new URLClassLoader("warden-agent", new URL[] {copy.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
    }

    private static Path privateTemporaryFile() throws IOException {
        try {
            return Files.createTempFile("warden-agent-", ".jar",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile("warden-agent-", ".jar");
        }
    }
}
