package dev.warden.core.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that seals secrets at rest (secret access keys, session-token keys, MFA seeds). It comes from the
 * environment variable {@code WARDEN_MASTER_KEY} (base64 of 32 bytes) or from a key file, created with owner-only
 * permissions (0600) the first time. The key never appears in {@link #toString()}, logs or exceptions.
 */
public final class MasterKey {

    /** The environment variable that holds the key, base64. */
    public static final String ENVIRONMENT_VARIABLE = "WARDEN_MASTER_KEY";

    private static final int LENGTH = 32;

    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        Arrays.fill(bytes, (byte) 0);
    }

    /** The key in {@code base64} (32 bytes). */
    public static MasterKey fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("master key is not base64");
        }
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("master key must be " + LENGTH + " bytes (base64 of 32 random bytes), got "
                    + bytes.length);
        }
        return new MasterKey(bytes);
    }

    /**
     * The key from {@code WARDEN_MASTER_KEY} if it is set, otherwise from {@code file}, which is created (0600, 32
     * random bytes, base64) if it does not exist.
     */
    public static MasterKey fromEnvironmentOrFile(Path file) throws IOException {
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromBase64(fromEnvironment);
        }
        return fromFile(file);
    }

    /** The key in {@code file}, created with 0600 permissions if absent. */
    public static MasterKey fromFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[LENGTH];
            new SecureRandom().nextBytes(fresh);
            String text = Base64.getEncoder().encodeToString(fresh) + "\n";
            Arrays.fill(fresh, (byte) 0);
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            } catch (IOException e) {
                String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                        : e.getClass().getSimpleName();
                throw new IOException(file + ": cannot create the master key (" + why + "); set "
                        + ENVIRONMENT_VARIABLE + " or create the file", e);
            }
        }
        try {
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException("master key file " + file + " is not valid: " + e.getMessage());
        }
    }

    SecretKey key() {
        return key;
    }

    /**
     * A 256-bit AES key derived from this one for {@code purpose} (HMAC-SHA256 of the purpose under the master key),
     * so each use (session tokens, key id by key id) has its own key and none reveals the master key.
     */
    public SecretKey derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] derived = mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
            SecretKey result = new SecretKeySpec(derived, "AES");
            Arrays.fill(derived, (byte) 0);
            return result;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
