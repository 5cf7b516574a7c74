package dev.warden.core.iam;

/** A tag on a user, role or policy; keys compare without regard to case, as in AWS. */
public record Tag(String key, String value) {
}
