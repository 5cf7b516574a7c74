package dev.warden.spi;

import java.util.Optional;

/**
 * Tells who makes a request in applications with their own sign-in (an HTTP session, a bearer token, the servlet
 * container's user principal), where requests are not signed with AWS credentials. {@code WardenFilter} asks its
 * resolvers, in order, about every request that carries no AWS signature; the first principal found is the
 * caller, and no principal means the anonymous caller.
 *
 * <p>A resolver vouches for the principal it returns: Warden authorizes that principal without further proof. Return
 * {@link Optional#empty()} when the request does not carry what this resolver looks for; throw when it carries it
 * but it is invalid (an expired or forged token): the request is then refused, never treated as anonymous.
 *
 * @param <R> the request type ({@code jakarta.servlet.http.HttpServletRequest} for the filter)
 */
@FunctionalInterface
public interface PrincipalResolver<R> {

    /**
     * The principal {@code request} is made by, or empty when this resolver cannot tell.
     *
     * @throws SecurityException when the request carries credentials this resolver recognises but rejects
     */
    Optional<Principal> resolve(R request);
}
