package dev.warden.cli;

import dev.warden.core.Warden;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.store.FileDirectoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a store folder for a command: the file store, and the master key from {@code WARDEN_MASTER_KEY} or, by
 * default, {@code STORE/.warden/master.key} (created 0600 on first use). Commands act on the store directly, as the
 * local administrator; no audit log, no metrics registry. A store on a read-only volume opens read-only: decisions,
 * simulations and reads work, changes are refused.
 */
final class LocalStore {

    private LocalStore() {
    }

    static Warden open(Path store) throws IOException {
        return builder(store, false).audit(false, 0).serviceLoaderListeners(false).build();
    }

    /** A Warden over {@code store} and its master key, to configure further. */
    static Warden.Builder builder(Path store) throws IOException {
        return builder(store, true);
    }

    /**
     * A Warden over {@code store}. A read-only store (a read-only volume) is read where it is and nothing is created
     * in it: the master key then comes from {@code WARDEN_MASTER_KEY} or an existing {@code .warden/master.key}, and
     * without either only commands that unseal no secret run ({@code simulate}, reads), unless {@code keyRequired}.
     */
    private static Warden.Builder builder(Path store, boolean keyRequired) throws IOException {
        FileDirectoryStore files = FileDirectoryStore.open(store);
        try {
            Path keyFile = files.root().resolve(".warden").resolve("master.key");
            Warden.Builder builder = Warden.builder().store(files);
            if (files.isReadOnly() && System.getenv(MasterKey.ENVIRONMENT_VARIABLE) == null && !Files.exists(keyFile)) {
                if (keyRequired) {
                    throw new IOException("The store " + files.root() + " is read-only and holds no " + keyFile
                            + ", which cannot be created there: set " + MasterKey.ENVIRONMENT_VARIABLE);
                }
                return builder;
            }
            if (!files.isReadOnly()) {
                Files.createDirectories(keyFile.getParent());
            }
            return builder.masterKey(MasterKey.fromEnvironmentOrFile(keyFile));
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
    }
}
