package dev.warden.core.auth;

/**
 * What an access key id stands for, as far as checking a signature needs it: the key id and its secret. Implemented by
 * long-term keys from the directory and by STS session credentials; implementations never show the secret in
 * {@code toString()}.
 */
public interface SigningCredential {

    /** {@code AKIA...} for a long-term key, {@code ASIA...} for temporary credentials. */
    String accessKeyId();

    /** The 40-character secret access key that signatures are computed with. Never logged. */
    String secretAccessKey();
}
