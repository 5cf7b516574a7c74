package dev.warden.filter.route;

/**
 * A route table that cannot be used, and precisely why: the file, where in it (a JSON pointer such as
 * {@code /Routes/3/Resource}, or {@code line L, column C} for a syntax error), and the reason.
 */
public final class RouteTableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String reason;

    RouteTableException(String source, String location, String reason) {
        super(source + ": " + (location.isEmpty() ? "" : location + ": ") + reason);
        this.source = source;
        this.location = location;
        this.reason = reason;
    }

    /** The file (or name) the table was read from. */
    public String source() {
        return source;
    }

    /** A JSON pointer, {@code line L, column C}, or empty when the problem is the whole file. */
    public String location() {
        return location;
    }

    /** Why the table was refused. */
    public String reason() {
        return reason;
    }
}
