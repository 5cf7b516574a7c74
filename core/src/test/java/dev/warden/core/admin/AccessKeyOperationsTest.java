package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.expect;
import static dev.warden.core.admin.UserOperationsTest.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.auth.SecretSealer;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.store.InMemoryDirectoryStore;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.Principal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed: AWS's answers. */
class AccessKeyOperationsTest {

    private static final String ALICE_DOCUMENT = "accounts/111122223333/users/alice.json";

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
        f.root("CreateUser", "UserName", "alice");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void createAccessKeyShowsTheSecretOnceAndStoresItSealed() throws Exception {
        ObjectNode out = f.root("CreateAccessKey", "UserName", "alice");
        assertThat(keys(out)).containsExactly("AccessKey");
        JsonNode key = out.get("AccessKey");
        assertThat(keys(key)).containsExactly("UserName", "AccessKeyId", "Status", "SecretAccessKey", "CreateDate");
        assertThat(key.get("UserName").asText()).isEqualTo("alice");
        assertThat(key.get("AccessKeyId").asText()).matches("AKIA[A-Z2-7]{16}");
        assertThat(key.get("Status").asText()).isEqualTo("Active");
        String secret = key.get("SecretAccessKey").asText();
        assertThat(secret).hasSize(40);

        String stored = f.store.readAll().get(ALICE_DOCUMENT);
        assertThat(stored).doesNotContain(secret);
        String sealed = new ObjectMapper().readTree(stored).at("/accessKeys/0/sealedSecret").asText();
        SecretSealer sealer = new SecretSealer(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])));
        assertThat(sealer.unseal(sealed, key.get("AccessKeyId").asText())).isEqualTo(secret);
        assertThat(f.warden.directory().current().accessKeyOwner(key.get("AccessKeyId").asText()).userName())
                .isEqualTo("alice");
    }

    @Test
    void aUserMayCreateAndListItsOwnKeysWithoutNamingItself() throws Exception {
        Principal alice = Principal.of("arn:aws:iam::111122223333:user/alice");
        f.root("PutUserPolicy", "UserName", "alice", "PolicyName", "own-keys", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:*AccessKey*\"],"
                        + "\"Resource\":\"arn:aws:iam::111122223333:user/${aws:username}\"}]}");
        String id = f.as(alice, "CreateAccessKey").at("/AccessKey/AccessKeyId").asText();
        assertThat(f.as(alice, "ListAccessKeys").findValuesAsText("AccessKeyId")).containsExactly(id);
    }

    @Test
    void listAccessKeysGivesMetadataAndNeverTheSecret() throws Exception {
        ObjectNode first = f.root("CreateAccessKey", "UserName", "alice");
        ObjectNode second = f.root("CreateAccessKey", "UserName", "alice");
        ObjectNode out = f.root("ListAccessKeys", "UserName", "alice");
        assertThat(keys(out)).containsExactly("AccessKeyMetadata", "IsTruncated");
        assertThat(out.findValuesAsText("AccessKeyId")).containsExactly(first.at("/AccessKey/AccessKeyId").asText(),
                second.at("/AccessKey/AccessKeyId").asText());
        for (JsonNode key : out.get("AccessKeyMetadata")) {
            assertThat(keys(key)).containsExactly("UserName", "AccessKeyId", "Status", "CreateDate");
        }
        assertThat(out.toString()).doesNotContain(first.at("/AccessKey/SecretAccessKey").asText())
                .doesNotContain(second.at("/AccessKey/SecretAccessKey").asText());
    }

    @Test
    void updateAccessKeyDeactivatesAndReactivates() throws Exception {
        String id = f.root("CreateAccessKey", "UserName", "alice").at("/AccessKey/AccessKeyId").asText();
        assertThat(f.root("UpdateAccessKey", "UserName", "alice", "AccessKeyId", id, "Status", "Inactive").isEmpty())
                .isTrue();
        assertThat(f.root("ListAccessKeys", "UserName", "alice").at("/AccessKeyMetadata/0/Status").asText())
                .isEqualTo("Inactive");
        f.root("UpdateAccessKey", "UserName", "alice", "AccessKeyId", id, "Status", "Active");
        assertThat(f.root("ListAccessKeys", "UserName", "alice").at("/AccessKeyMetadata/0/Status").asText())
                .isEqualTo("Active");
        expect(f.rootFails("UpdateAccessKey", "UserName", "alice", "AccessKeyId", id, "Status", "Disabled"),
                IamError.VALIDATION_ERROR, "1 validation error detected: Value 'Disabled' at 'status' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [Active, Inactive]");
    }

    @Test
    void deleteAccessKeyRemovesItAndItsOwnerEntry() throws Exception {
        String id = f.root("CreateAccessKey", "UserName", "alice").at("/AccessKey/AccessKeyId").asText();
        assertThat(f.root("DeleteAccessKey", "UserName", "alice", "AccessKeyId", id).isEmpty()).isTrue();
        assertThat(f.root("ListAccessKeys", "UserName", "alice").get("AccessKeyMetadata")).isEmpty();
        assertThat(f.warden.directory().current().accessKeyOwner(id)).isNull();
        expect(f.rootFails("DeleteAccessKey", "UserName", "alice", "AccessKeyId", id), IamError.NO_SUCH_ENTITY,
                "The Access Key with id " + id + " cannot be found");
    }

    @Test
    void getAccessKeyLastUsedSaysNotApplicableForAKeyNeverUsed() throws Exception {
        String id = f.root("CreateAccessKey", "UserName", "alice").at("/AccessKey/AccessKeyId").asText();
        ObjectNode out = f.root("GetAccessKeyLastUsed", "AccessKeyId", id);
        assertThat(keys(out)).containsExactly("UserName", "AccessKeyLastUsed");
        assertThat(out.get("UserName").asText()).isEqualTo("alice");
        assertThat(keys(out.get("AccessKeyLastUsed"))).containsExactly("ServiceName", "Region");
        assertThat(out.at("/AccessKeyLastUsed/ServiceName").asText()).isEqualTo("N/A");
        assertThat(out.at("/AccessKeyLastUsed/Region").asText()).isEqualTo("N/A");
        expect(f.rootFails("GetAccessKeyLastUsed", "AccessKeyId", "AKIAAAAAAAAAAAAAAAAA"), IamError.NO_SUCH_ENTITY,
                "The Access Key with id AKIAAAAAAAAAAAAAAAAA cannot be found");
    }

    @Test
    void getAccessKeyLastUsedReportsTheRecordedUse() throws Exception {
        String id = f.root("CreateAccessKey", "UserName", "alice").at("/AccessKey/AccessKeyId").asText();
        // a store in which the key was used: what the request-signing layer records
        InMemoryDirectoryStore used = new InMemoryDirectoryStore();
        List<DocumentChange> documents = new ArrayList<>();
        for (Map.Entry<String, String> e : f.store.readAll().entrySet()) {
            String text = e.getKey().equals(ALICE_DOCUMENT) ? e.getValue().replace("\"sealedSecret\"",
                    "\"lastUsed\": {\"date\": \"2026-11-20T08:15:00Z\", \"serviceName\": \"s3\", \"region\": \"eu-west-1\"},"
                            + " \"sealedSecret\"") : e.getValue();
            documents.add(new DocumentChange(e.getKey(), null, text));
        }
        used.commit(documents);
        try (Warden warden = Warden.builder().store(used).audit(false, 0).serviceLoaderListeners(false)
                .meterRegistry(f.registry).build()) {
            IamService iam = new IamService(warden, null, Quotas.aws());
            ObjectNode out = iam.call(IamFixture.ROOT, IamFixture.ACCOUNT, "GetAccessKeyLastUsed", Map.of("AccessKeyId", id));
            assertThat(keys(out.get("AccessKeyLastUsed"))).containsExactly("LastUsedDate", "ServiceName", "Region");
            assertThat(out.at("/AccessKeyLastUsed/LastUsedDate").asText()).isEqualTo("2026-11-20T08:15:00Z");
            assertThat(out.at("/AccessKeyLastUsed/ServiceName").asText()).isEqualTo("s3");
            assertThat(out.at("/AccessKeyLastUsed/Region").asText()).isEqualTo("eu-west-1");
        }
    }

    @Test
    void withoutAMasterKeyNoAccessKeyCanBeCreated() throws Exception {
        IamService noKey = new IamService(f.warden, null, Quotas.aws());
        try {
            noKey.call(IamFixture.ROOT, IamFixture.ACCOUNT, "CreateAccessKey", Map.of("UserName", "alice"));
            throw new AssertionError("CreateAccessKey without a master key should fail");
        } catch (IamException e) {
            expect(e, IamError.SERVICE_FAILURE, "no master key is configured, so secrets cannot be stored");
        }
        assertThat(f.root("ListAccessKeys", "UserName", "alice").get("AccessKeyMetadata")).isEmpty();
    }
}
