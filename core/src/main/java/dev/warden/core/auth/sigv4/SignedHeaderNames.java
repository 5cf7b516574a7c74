package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The {@code SignedHeaders} list: header names separated by {@code ;}, in the order they were signed. */
final class SignedHeaderNames {

    private SignedHeaderNames() {
    }

    static List<String> parse(String text, boolean s3) throws AuthenticationException {
        List<String> names = new ArrayList<>(12);
        int start = 0;
        while (start <= text.length()) {
            int semicolon = text.indexOf(';', start);
            int end = semicolon < 0 ? text.length() : semicolon;
            String name = text.substring(start, end);
            if (name.isEmpty() || !name.strip().equals(name)) {
                throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, s3
                        ? "The authorization header is malformed; SignedHeaders is malformed: '" + text + "'."
                        : "Authorization header requires 'SignedHeaders' parameter.");
            }
            names.add(name);
            start = end + 1;
        }
        return Collections.unmodifiableList(names);
    }
}
