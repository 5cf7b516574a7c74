package dev.warden.examples.orders;

import com.sun.net.httpserver.BasicAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** HTTP Basic sign-in for the demo users {@code alice:alice} and {@code bob:bob}. */
final class DemoUsers extends BasicAuthenticator {

    private static final Map<String, byte[]> PASSWORDS = Map.of(
            "alice", "alice".getBytes(StandardCharsets.UTF_8),
            "bob", "bob".getBytes(StandardCharsets.UTF_8));

    DemoUsers() {
        super("orders", StandardCharsets.UTF_8);
    }

    @Override
    public boolean checkCredentials(String user, String password) {
        byte[] expected = PASSWORDS.get(user);
        return expected != null && MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8));
    }
}
