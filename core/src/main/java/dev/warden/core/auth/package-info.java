/**
 * Credentials: the master key and the sealing of secrets at rest (and, with the credentials issue, SigV4
 * verification, passwords and MFA).
 */
package dev.warden.core.auth;
