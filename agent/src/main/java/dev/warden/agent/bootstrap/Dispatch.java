package dev.warden.agent.bootstrap;

/**
 * The request a thread is serving, as the container handed it over: a servlet request and its response, or a JDK
 * {@code HttpExchange} (both fields then hold the exchange). Kept as plain objects: the agent reads them
 * reflectively, in whichever class loader the container lives.
 */
public final class Dispatch {

    /** Where the request came from. */
    public enum Kind {
        /** {@code jakarta.servlet} or {@code javax.servlet}. */
        SERVLET,
        /** {@code com.sun.net.httpserver}. */
        HTTP_SERVER
    }

    private final Kind kind;
    private final Object request;
    private final Object response;
    private volatile boolean deniedAnswered;
    private volatile String denial;

    public Dispatch(Kind kind, Object request, Object response) {
        this.kind = kind;
        this.request = request;
        this.response = response;
    }

    public Kind kind() {
        return kind;
    }

    public Object request() {
        return request;
    }

    public Object response() {
        return response;
    }

    /** Whether a denial has been answered on this request already (403 sent). */
    public boolean deniedAnswered() {
        return deniedAnswered;
    }

    /** Records that a denial was answered on this request. */
    public void markDeniedAnswered() {
        deniedAnswered = true;
    }

    /** The message of the latest denial the agent threw while serving this request, or {@code null}. */
    public String denial() {
        return denial;
    }

    /** Records the message of a denial the agent throws while serving this request (what its 403 may say). */
    public void recordDenial(String message) {
        denial = message;
    }
}
