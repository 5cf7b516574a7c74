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
 * local administrator; no audit log, no metrics registry.
 */
final class LocalStore {

    private LocalStore() {
    }

    static Warden open(Path store) throws IOException {
        return builder(store).audit(false, 0).serviceLoaderListeners(false).build();
    }

    /** A Warden over {@code store} and its master key, to configure further. */
    static Warden.Builder builder(Path store) throws IOException {
        FileDirectoryStore files = FileDirectoryStore.open(store);
        Path internal = store.resolve(".warden");
        Files.createDirectories(internal);
        return Warden.builder()
                .store(files)
                .masterKey(MasterKey.fromEnvironmentOrFile(internal.resolve("master.key")));
    }
}
