package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.util.List;

/** The {@code SignedHeaders} list: header names separated by {@code ;}, in the order they were signed. */
final class SignedHeaderNames {

    private SignedHeaderNames() {
    }

    static List<String> parse(String text, boolean s3) throws AuthenticationException {
        String[] names = text.split(";", -1);
        for (String name : names) {
            if (name.isEmpty() || !name.strip().equals(name)) {
                throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, s3
                        ? "The authorization header is malformed; SignedHeaders is malformed: '" + text + "'."
                        : "Authorization header requires 'SignedHeaders' parameter.");
            }
        }
        return List.of(names);
    }
}
