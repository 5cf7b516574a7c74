package dev.warden.agent.internal.principal;

import dev.warden.agent.internal.config.PrincipalConfig;

/**
 * Finds who a call is made for in an application that binds no {@code RequestContext}: the value the configured
 * source holds (a name, an ARN, a {@link java.security.Principal}, the spi's {@code Principal}), or {@code null}.
 */
public interface CallerSource {

    /** The raw caller for a call in a class of {@code loader}, or {@code null} when there is none. */
    Object find(ClassLoader loader) throws Throwable;

    /** What this source reads, for messages. */
    String describe();

    /** The source {@code config} names. */
    static CallerSource of(PrincipalConfig config) {
        return switch (config.source()) {
            case REQUEST_CONTEXT -> new NoSource();
            case SERVLET -> new ServletSource();
            case HTTP_SERVER -> new HttpServerSource();
            case STATIC_METHOD -> new StaticMemberSource(config, false);
            case THREAD_LOCAL -> new StaticMemberSource(config, true);
        };
    }
}
