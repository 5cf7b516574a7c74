package testapp;

/** The application's own denial type, which a config's {@code "denial"} names: it has a (String) constructor. */
public class CustomDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CustomDenied(String message) {
        super(message);
    }
}
