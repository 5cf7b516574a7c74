/**
 * What applications and extensions compile against: the {@link dev.warden.spi.Authorize} annotation, the
 * {@link dev.warden.spi.AuthorizationRequest} and {@link dev.warden.spi.Decision} of one check, the
 * {@link dev.warden.spi.Principal} that asks, the {@link dev.warden.spi.RequestContext} of the request being served,
 * the {@link dev.warden.spi.PrincipalResolver} of applications with their own sign-in, and the
 * {@link dev.warden.spi.AccessDeniedException} thrown where a denial is enforced. This package has no dependencies, so an application can depend on it alone.
 */
package dev.warden.spi;
