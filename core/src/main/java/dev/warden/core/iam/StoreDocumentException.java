package dev.warden.core.iam;

/**
 * A store document Warden cannot accept: the file (store path), the JSON pointer inside it and the reason, e.g.
 * {@code accounts/111122223333/users/alice.json at /inlinePolicies/p/Statement/0/Effect: Effect must be ...}.
 */
public final class StoreDocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String pointer;
    private final String reason;

    public StoreDocumentException(String path, String pointer, String reason) {
        super(path + " " + problem(pointer, reason), null, false, false);
        this.path = path;
        this.pointer = pointer;
        this.reason = reason;
    }

    /** The document's store path. */
    public String path() {
        return path;
    }

    /** JSON pointer to the offending element, empty for the whole document. */
    public String pointer() {
        return pointer;
    }

    public String reason() {
        return reason;
    }

    /** {@code at POINTER: REASON}, for sentences that name the path themselves. */
    public String problem() {
        return problem(pointer, reason);
    }

    private static String problem(String pointer, String reason) {
        return "at " + (pointer.isEmpty() ? "/" : pointer) + ": " + reason;
    }
}
