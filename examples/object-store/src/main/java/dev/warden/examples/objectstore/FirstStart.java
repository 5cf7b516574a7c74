package dev.warden.examples.objectstore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * What the object store does the first time it starts on an empty store: one account with an administrator
 * ({@code AdministratorAccess}) and the administrator's access key, whose secret is shown this once.
 */
final class FirstStart {

    static final String ACCOUNT = "111122223333";

    /** The administrator's new key, as printed lines. */
    record AdminKey(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "AdminKey[" + accessKeyId + "]";
        }
    }

    private FirstStart() {
    }

    /** Creates the account and its administrator if the store holds no account yet; empty otherwise. */
    static Optional<AdminKey> ensureAccount(Warden warden) throws IOException {
        if (!warden.directory().current().accounts().isEmpty()) {
            return Optional.empty();
        }
        try {
            Principal root = Principal.of("arn:aws:iam::" + ACCOUNT + ":root");
            warden.iam().createAccount(ACCOUNT, "object-store");
            warden.iam().call(root, ACCOUNT, "CreateUser", Map.of("UserName", "admin"));
            warden.iam().call(root, ACCOUNT, "AttachUserPolicy",
                    Map.of("UserName", "admin", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
            ObjectNode key = warden.iam().call(root, ACCOUNT, "CreateAccessKey", Map.of("UserName", "admin"));
            return Optional.of(new AdminKey(key.at("/AccessKey/AccessKeyId").asText(),
                    key.at("/AccessKey/SecretAccessKey").asText()));
        } catch (IamException e) {
            throw new IOException("cannot create the first account: " + e.getMessage(), e);
        }
    }
}
