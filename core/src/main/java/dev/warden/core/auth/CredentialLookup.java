package dev.warden.core.auth;

/**
 * Finds the credential an access key id (and, for temporary credentials, a session token) stands for, or refuses it.
 *
 * @param <C> what the caller learns about the signer (for example, its principal and session)
 */
@FunctionalInterface
public interface CredentialLookup<C extends SigningCredential> {

    /**
     * @param sessionToken {@code X-Amz-Security-Token}, or {@code null} when the request carries none
     * @throws AuthenticationException {@link AuthFailure#UNKNOWN_ACCESS_KEY} for a key that does not exist, is inactive
     *     or was deleted, {@link AuthFailure#INVALID_TOKEN} or {@link AuthFailure#EXPIRED_TOKEN} for a bad session token
     */
    C lookup(String accessKeyId, String sessionToken) throws AuthenticationException;
}
