package dev.warden.core.sts;

import dev.warden.core.auth.MasterKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;

/**
 * The keys session tokens are sealed with, by key id. New tokens are sealed with the current key; tokens sealed with
 * any accepted key still open, so a key is rotated by making a new id current and keeping the old one accepted until
 * its longest session (36 hours) has expired. Keys are derived from the master key, so every node holding the master
 * key agrees on them without exchanging anything.
 */
public final class SessionTokenKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private SessionTokenKeys(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * Keys derived from {@code master}: {@code currentId} seals, it and {@code alsoAccepted} open.
     *
     * @throws IllegalArgumentException for an id that is not 1-32 letters, digits, {@code -} or {@code _}
     */
    public static SessionTokenKeys derivedFrom(MasterKey master, String currentId, Collection<String> alsoAccepted) {
        Objects.requireNonNull(master, "master");
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(checked(currentId), master.derive("warden/sts/session-token/" + currentId));
        for (String id : alsoAccepted) {
            keys.putIfAbsent(checked(id), master.derive("warden/sts/session-token/" + id));
        }
        return new SessionTokenKeys(currentId, keys);
    }

    /** The default ring: key id {@code 1} only. */
    public static SessionTokenKeys derivedFrom(MasterKey master) {
        return derivedFrom(master, "1", java.util.List.of());
    }

    private static String checked(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a session-token key id is 1-32 letters, digits, '-' or '_', got '"
                    + id + "'");
        }
        return id;
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    /** The key with {@code id}, or {@code null} when it is not accepted. */
    SecretKey key(String id) {
        return keys.get(id);
    }

    @Override
    public String toString() {
        return "SessionTokenKeys[current " + currentId + ", accepted " + keys.keySet() + "]";
    }
}
