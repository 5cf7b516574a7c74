package dev.warden.core.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A document file that exists but cannot be read: its message names the file, {@link #reason()} says why without
 * it ({@code permission denied}, {@code not UTF-8 text}, ...), for reports keyed by the document's path.
 */
final class UnreadableFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    UnreadableFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.reason = reason;
    }

    /** {@code file} cannot be read because of {@code e}. */
    static UnreadableFileException of(Path file, IOException e) {
        if (e instanceof UnreadableFileException unreadable) {
            return unreadable;
        }
        return new UnreadableFileException(file, "cannot read: " + describe(e), e);
    }

    /** Why, without the file's name. */
    String reason() {
        return reason;
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
