package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.SigningCredential;

/** A credential for tests: an access key id and its secret. */
record TestCredential(String accessKeyId, String secretAccessKey) implements SigningCredential {

    @Override
    public String toString() {
        return "TestCredential[" + accessKeyId + "]";
    }
}
