package dev.warden.core.policy;

/**
 * How a resource-based policy statement's {@code Principal} names the caller. The distinction is AWS's: a grant
 * to the caller itself stands on its own within an account; a grant to the caller's account only delegates to
 * the account's identity-based policies; a grant to the role (or user) behind a session counts for the session
 * but is capped by the session's permissions boundary.
 */
public enum PrincipalMatch {
    /** The statement does not name the caller. */
    NONE,
    /** Names the caller's account ({@code "111122223333"} or {@code arn:aws:iam::111122223333:root}). */
    ACCOUNT,
    /** Names the role whose session is calling. */
    SESSION_ROLE,
    /** Names the IAM user behind a federated-user session. */
    SESSION_USER,
    /** Names the caller itself: its ARN, its service name, or everyone ({@code "*"}). */
    DIRECT
}
