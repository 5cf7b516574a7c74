/**
 * AWS STS: temporary credentials whose session token is sealed and self-contained (any node holding the key verifies
 * it without shared state), and the operations that issue them: GetSessionToken, AssumeRole, GetCallerIdentity,
 * GetAccessKeyInfo, DecodeAuthorizationMessage.
 */
package dev.warden.core.sts;
