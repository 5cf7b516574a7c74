package dev.warden.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Principal;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seeds' first flow end to end: an admin creates a user, gives it a policy and a key; decisions follow. */
class IamServiceFlowTest {

    private static final String ACCOUNT = "111122223333";
    private static final Principal ROOT = Principal.of("arn:aws:iam::111122223333:root");

    private Warden warden;
    private IamService iam;

    @BeforeEach
    void setUp() throws Exception {
        MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
        warden = Warden.builder().audit(false, 0).masterKey(key).build();
        iam = warden.iam();
        iam.createAccount(ACCOUNT, "example");
    }

    @AfterEach
    void tearDown() throws Exception {
        warden.close();
    }

    @Test
    void userGetsPermissionsThroughAnAttachedManagedPolicyAndAKeyShownOnce() throws Exception {
        ObjectNode created = iam.call(ROOT, ACCOUNT, "CreateUser", Map.of("UserName", "alice", "Path", "/eng/"));
        assertThat(created.at("/User/Arn").asText()).isEqualTo("arn:aws:iam::111122223333:user/eng/alice");
        assertThat(created.at("/User/UserId").asText()).startsWith("AIDA").hasSize(20);

        Principal alice = Principal.of("arn:aws:iam::111122223333:user/eng/alice");
        AuthorizationRequest read = AuthorizationRequest.builder(alice, "s3:GetObject", "arn:aws:s3:::downloads/a").build();
        assertThat(warden.authorize(read).isAllowed()).isFalse();

        iam.call(ROOT, ACCOUNT, "AttachUserPolicy",
                Map.of("UserName", "alice", "PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        Decision decision = warden.authorize(read);
        assertThat(decision.isAllowed()).isTrue();
        assertThat(decision.decidingStatements().get(0).policyName())
                .isEqualTo("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");

        ObjectNode key = iam.call(ROOT, ACCOUNT, "CreateAccessKey", Map.of("UserName", "alice"));
        assertThat(key.at("/AccessKey/AccessKeyId").asText()).startsWith("AKIA").hasSize(20);
        assertThat(key.at("/AccessKey/SecretAccessKey").asText()).hasSize(40);
        ObjectNode listed = iam.call(ROOT, ACCOUNT, "ListAccessKeys", Map.of("UserName", "alice"));
        assertThat(listed.toString()).doesNotContain(key.at("/AccessKey/SecretAccessKey").asText());
    }

    @Test
    void aUserWithoutIamPermissionsIsDeniedWithAwsMessage() throws Exception {
        iam.call(ROOT, ACCOUNT, "CreateUser", Map.of("UserName", "bob"));
        Principal bob = Principal.of("arn:aws:iam::111122223333:user/bob");

        assertThatThrownBy(() -> iam.call(bob, ACCOUNT, "CreateUser", Map.of("UserName", "mallory")))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
                    assertThat(e.getMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/bob is not authorized to"
                            + " perform: iam:CreateUser on resource: arn:aws:iam::111122223333:user/mallory because no"
                            + " identity-based policy allows the iam:CreateUser action");
                });
    }

    @Test
    void inlinePolicyIsReturnedVerbatim() throws Exception {
        iam.call(ROOT, ACCOUNT, "CreateUser", Map.of("UserName", "carol"));
        String document = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", "
                + "\"Action\": \"orders:Get*\", \"Resource\": \"*\"}\n}";
        iam.call(ROOT, ACCOUNT, "PutUserPolicy", Map.of("UserName", "carol", "PolicyName", "Orders",
                "PolicyDocument", document));

        ObjectNode got = iam.call(ROOT, ACCOUNT, "GetUserPolicy", Map.of("UserName", "carol", "PolicyName", "orders"));
        assertThat(got.get("PolicyDocument").asText()).isEqualTo(document);
        assertThat(got.get("PolicyName").asText()).isEqualTo("Orders");
    }
}
