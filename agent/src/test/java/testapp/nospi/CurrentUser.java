package testapp.nospi;

/** Who the application serves on this thread, as many applications keep it: the config's principal source. */
public final class CurrentUser {

    static final ThreadLocal<String> NAME = new ThreadLocal<>();

    private CurrentUser() {
    }
}
