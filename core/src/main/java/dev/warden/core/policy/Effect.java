package dev.warden.core.policy;

/** A statement's {@code Effect}. */
public enum Effect { ALLOW, DENY }
