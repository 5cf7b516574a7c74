package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.ACCOUNT;
import static dev.warden.core.admin.IamFixture.ROOT;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.core.auth.Caller;
import dev.warden.core.iam.AccessKey;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The root user's access keys, as AWS has them: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey
 * and GetAccessKeyLastUsed called by the root user without {@code UserName} manage its own keys (at most two), which
 * live in the account's document with their secrets sealed, and whose answers name no user.
 */
class RootAccessKeyOperationsTest {

    private final IamFixture f;

    RootAccessKeyOperationsTest() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private List<AccessKey> rootKeys() {
        return f.warden.directory().current().account(ACCOUNT).root().accessKeys();
    }

    @Test
    void the_root_user_creates_its_own_key_without_a_user_name() throws Exception {
        JsonNode key = f.root("CreateAccessKey").get("AccessKey");

        String id = key.get("AccessKeyId").asText();
        String secret = key.get("SecretAccessKey").asText();
        assertThat(id).matches("AKIA[A-Z2-7]{16}");
        assertThat(secret).hasSize(40);
        assertThat(key.has("UserName")).as("AWS names no user for a root key").isFalse();
        assertThat(key.get("Status").asText()).isEqualTo("Active");
        assertThat(rootKeys()).extracting(AccessKey::id).containsExactly(id);
        assertThat(f.warden.directory().current().accessKeyOwner(id).isRoot()).isTrue();
        assertThat(f.warden.directory().current().accessKeyOwner(id).accountId()).isEqualTo(ACCOUNT);
        String document = f.store.readAll().get("accounts/111122223333/account.json");
        assertThat(document).contains("\"rootUser\"", id).doesNotContain(secret);
        assertThat(f.store.readAll().values()).noneMatch(text -> text.contains(secret));
    }

    @Test
    void the_root_user_has_at_most_two_keys() throws Exception {
        f.root("CreateAccessKey");
        f.root("CreateAccessKey");

        expect(f.rootFails("CreateAccessKey"), IamError.LIMIT_EXCEEDED, "Cannot exceed quota for AccessKeysPerUser: 2");
        assertThat(rootKeys()).hasSize(2);
    }

    @Test
    void the_root_user_lists_deactivates_and_deletes_its_keys_without_a_user_name() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateAccessKey", "UserName", "alice");
        String id = f.root("CreateAccessKey").at("/AccessKey/AccessKeyId").asText();

        JsonNode listed = f.root("ListAccessKeys").get("AccessKeyMetadata");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("AccessKeyId").asText()).isEqualTo(id);
        assertThat(listed.get(0).has("UserName")).isFalse();
        assertThat(listed.get(0).has("SecretAccessKey")).isFalse();

        f.root("UpdateAccessKey", "AccessKeyId", id, "Status", "Inactive");
        assertThat(rootKeys().get(0).active()).isFalse();
        assertThat(f.root("ListAccessKeys").at("/AccessKeyMetadata/0/Status").asText()).isEqualTo("Inactive");

        f.root("DeleteAccessKey", "AccessKeyId", id);
        assertThat(rootKeys()).isEmpty();
        assertThat(f.warden.directory().current().accessKeyOwner(id)).isNull();
        assertThat(f.root("ListAccessKeys", "UserName", "alice").get("AccessKeyMetadata")).hasSize(1);
    }

    @Test
    void a_users_key_is_not_the_root_users_to_update_or_delete() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        String alices = f.root("CreateAccessKey", "UserName", "alice").at("/AccessKey/AccessKeyId").asText();

        expect(f.rootFails("DeleteAccessKey", "AccessKeyId", alices), IamError.NO_SUCH_ENTITY,
                "The Access Key with id " + alices + " cannot be found");
        expect(f.rootFails("UpdateAccessKey", "AccessKeyId", alices, "Status", "Inactive"), IamError.NO_SUCH_ENTITY,
                "The Access Key with id " + alices + " cannot be found");
    }

    @Test
    void get_access_key_last_used_of_a_root_key_names_no_user() throws Exception {
        String id = f.root("CreateAccessKey").at("/AccessKey/AccessKeyId").asText();

        JsonNode answer = f.root("GetAccessKeyLastUsed", "AccessKeyId", id);

        assertThat(answer.has("UserName")).isFalse();
        assertThat(answer.at("/AccessKeyLastUsed/ServiceName").asText()).isEqualTo("N/A");
        assertThat(answer.at("/AccessKeyLastUsed/Region").asText()).isEqualTo("N/A");
    }

    @Test
    void the_root_users_keys_are_authorized_on_the_root_arn() throws Exception {
        f.decided.clear();
        f.root("CreateAccessKey");

        assertThat(f.decided).extracting(r -> r.action() + " " + r.resource())
                .containsExactly("iam:CreateAccessKey arn:aws:iam::111122223333:root");
    }

    @Test
    void temporary_root_credentials_must_name_the_user() throws Exception {
        // AWS: "If a temporary access key is used, then UserName is required."
        Caller console = new Caller(ROOT, Caller.Via.CONSOLE, "ASIAROOTROOTROOTROOT", Map.of(), Instant.now(), null);

        try {
            f.iam.call(console, ACCOUNT, "CreateAccessKey", Map.of());
            throw new AssertionError("CreateAccessKey should have failed");
        } catch (IamException e) {
            expect(e, IamError.VALIDATION_ERROR, "Must specify userName when calling with non-User credentials");
        }
        assertThat(rootKeys()).isEmpty();
    }
}
