package dev.warden.bench.agent;

import dev.warden.core.Warden;
import dev.warden.core.store.FileDirectoryStore;
import dev.warden.spi.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A generated application for the agent's start-up and attach figures: {@code count} small classes (five methods
 * each; one in {@code annotatedEvery} with an {@code @Authorize} method), {@link ManyClassesApp} as its main class
 * and the spi, in one jar; a store where {@code reader} may get orders and {@code bob} may not; the agent's config.
 */
record GeneratedApp(Path jar, Path config, int classes) {

    static GeneratedApp create(Path folder, int count, int annotatedEvery) throws Exception {
        Path sources = folder.resolve("src");
        Path classes = folder.resolve("classes");
        Files.createDirectories(sources.resolve("app"));
        Files.createDirectories(classes);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("C%04d", i);
            StringBuilder body = new StringBuilder("package app;\n\npublic class " + name + " {\n");
            for (int m = 0; m < 5; m++) {
                body.append("    public int m").append(m).append("(int x) { return x * ").append(31 + m)
                        .append(" + ").append(i).append("; }\n");
            }
            if (i % annotatedEvery == 0) {
                body.append("    @dev.warden.spi.Authorize(action = \"orders:GetOrder\", resource = "
                        + "\"arn:aws:orders:{region}:{account}:order/{id}\")\n"
                        + "    public int getOrder(String id) { return id.length(); }\n");
            }
            body.append("}\n");
            Path file = sources.resolve("app/" + name + ".java");
            Files.writeString(file, body, StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        Path spi = locationOf(dev.warden.spi.Authorize.class);
        List<String> arguments = new ArrayList<>(List.of("-parameters", "-proc:none", "-d", classes.toString(),
                "-cp", spi.toString()));
        arguments.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the generated application did not compile");
        }
        Path jar = folder.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            try (Stream<Path> compiled = Files.walk(classes)) {
                for (Path file : compiled.filter(Files::isRegularFile).toList()) {
                    add(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            String main = ManyClassesApp.class.getName().replace('.', '/') + ".class";
            try (InputStream in = ManyClassesApp.class.getClassLoader().getResourceAsStream(main)) {
                add(out, main, in.readAllBytes());
            }
            copySpi(spi, out);
        }
        Path store = folder.resolve("store");
        try (Warden warden = Warden.builder().store(FileDirectoryStore.open(store)).audit(false, 0)
                .serviceLoaderListeners(false).build()) {
            Principal root = Principal.of("arn:aws:iam::111122223333:root");
            warden.iam().createAccount("111122223333", null);
            warden.iam().call(root, "111122223333", "CreateUser", Map.of("UserName", "reader"));
            warden.iam().call(root, "111122223333", "CreateUser", Map.of("UserName", "bob"));
            warden.iam().call(root, "111122223333", "PutUserPolicy", Map.of("UserName", "reader", "PolicyName",
                    "read", "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"orders:GetOrder\",\"Resource\":\"arn:aws:orders:*:111122223333:order/*\"}]}"));
        }
        Path config = folder.resolve("warden-agent.json");
        Files.writeString(config, "{\"store\": \"store\", \"region\": \"us-east-1\"}");
        return new GeneratedApp(jar, config, count);
    }

    private static void copySpi(Path spi, JarOutputStream out) throws IOException {
        if (Files.isDirectory(spi)) {
            try (Stream<Path> files = Files.walk(spi)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    add(out, spi.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(spi.toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                if (entry.getName().startsWith("dev/warden/spi/") && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        add(out, entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The {@code java} binary of this JVM. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The agent jar: {@code warden.agent.jar}, default {@code agent/target/warden-agent.jar}. */
    static Path agentJar() {
        Path agent = Path.of(System.getProperty("warden.agent.jar", "agent/target/warden-agent.jar")).toAbsolutePath();
        if (!Files.isRegularFile(agent)) {
            throw new IllegalStateException(agent + " is missing: build it first (mvn -q package -DskipTests)");
        }
        return agent;
    }

    /** Copies what {@code in} says into {@code into} until it ends (a thread per child stream). */
    static Thread drain(InputStream in, StringBuffer into, OutputStream echo) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (echo != null) {
                        echo.write(buffer, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the child ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
