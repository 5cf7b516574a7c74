package dev.warden.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class names a class path holds, read from folder and jar listings, for the start-up check of pointcuts. */
class ClassPathNamesTest {

    @TempDir
    Path folder;

    @Test
    void foldersAndJarsAreListedAndEverythingElseIsSkipped() throws Exception {
        Path classes = folder.resolve("classes");
        Files.createDirectories(classes.resolve("com/example"));
        Files.write(classes.resolve("com/example/OrderService.class"), new byte[] {1});
        Files.write(classes.resolve("com/example/notes.txt"), new byte[] {1});
        Path jar = folder.resolve("lib.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {"com/example/billing/InvoiceService.class",
                    "com/example/Orders$Inner.class", "META-INF/versions/11/com/example/X.class", "README"}) {
                out.putNextEntry(new JarEntry(name));
                out.closeEntry();
            }
        }
        String classPath = String.join(File.pathSeparator, classes.toString(), jar.toString(),
                folder.resolve("missing.jar").toString(), "");

        assertThat(ClassPathNames.of(classPath)).containsExactlyInAnyOrder("com.example.OrderService",
                "com.example.billing.InvoiceService", "com.example.Orders$Inner");
    }
}
