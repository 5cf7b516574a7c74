package dev.warden.spi;

import java.util.Objects;

/**
 * A {@link DirectoryStore} commit that did not apply because a document no longer holds what the writer read
 * (another process, or a hand edit, changed it first). Nothing of the commit was applied; read again and retry.
 */
public class StoreConflictException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String path;

    public StoreConflictException(String path) {
        super("document changed since it was read: " + Objects.requireNonNull(path, "path"), null, false, false);
        this.path = path;
    }

    /** The first document found changed. */
    public String path() {
        return path;
    }
}
