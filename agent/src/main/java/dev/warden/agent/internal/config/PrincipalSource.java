package dev.warden.agent.internal.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where the agent finds who a call is made for, when the application has bound no {@code RequestContext}. */
public enum PrincipalSource {
    /** Only the application's {@code RequestContext} (bound by {@code WardenFilter} or the application). */
    REQUEST_CONTEXT("request-context"),
    /** The servlet request being served: {@code getUserPrincipal()}, else {@code getRemoteUser()}. */
    SERVLET("servlet"),
    /** The JDK {@code HttpServer} exchange being handled: {@code getPrincipal()}. */
    HTTP_SERVER("http-server"),
    /** A static method without parameters, {@code com.example.Auth.currentUser}. */
    STATIC_METHOD("static-method"),
    /** A static {@code ThreadLocal} field, {@code com.example.Auth.CURRENT}. */
    THREAD_LOCAL("thread-local");

    private final String json;

    PrincipalSource(String json) {
        this.json = json;
    }

    /** The name used in the config file. */
    public String json() {
        return json;
    }

    static Optional<PrincipalSource> named(String name) {
        return Arrays.stream(values()).filter(s -> s.json.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(s -> "\"" + s.json + "\"").collect(Collectors.joining(", "));
    }
}
