package dev.warden.examples.objectstore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The route table shipped in the jar, copied next to the data on first start so that it can be read and edited
 * there (edits are picked up while the server runs; an invalid edit is refused and the last good table stays).
 */
final class ShippedRoutes {

    static final String RESOURCE = "/dev/warden/examples/objectstore/routes.json";

    private ShippedRoutes() {
    }

    /** {@code DATA/routes.json}, written from the jar's copy when it does not exist yet. */
    static Path extract(Path data) throws IOException {
        Path file = data.resolve("routes.json");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(data);
        try (InputStream in = ShippedRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the jar holds no route table at " + RESOURCE);
            }
            Path temp = Files.createTempFile(data, "routes", ".tmp");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }
}
