package dev.warden.agent.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The names of the classes on a class path (folders and jars, read as listings, nothing loaded), so that a pointcut
 * pattern that matches none of them can be reported when the agent starts.
 */
final class ClassPathNames {

    private ClassPathNames() {
    }

    /** The binary names of the classes in the entries of {@code classPath}; unreadable entries are skipped. */
    static Stream<String> of(String classPath) {
        List<String> names = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry);
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.walk(path)) {
                        files.filter(f -> f.toString().endsWith(".class"))
                                .forEach(f -> names.add(binaryName(path.relativize(f).toString()
                                        .replace(File.separatorChar, '/'))));
                    }
                } else if (Files.isRegularFile(path)) {
                    try (JarFile jar = new JarFile(path.toFile())) {
                        for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String name = e.nextElement().getName();
                            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                                names.add(binaryName(name));
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // an entry the JVM cannot read either holds no class the pattern could mean
            }
        }
        return names.stream();
    }

    private static String binaryName(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.');
    }
}
