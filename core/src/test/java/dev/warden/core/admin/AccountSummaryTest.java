package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.ACCOUNT;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.core.auth.mfa.Base32;
import dev.warden.core.auth.mfa.Totp;
import dev.warden.core.iam.IamError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GetAccountSummary: the account's counts and quotas in AWS's SummaryMap, and the root user's credentials as AWS
 * flags them (AccountMFAEnabled, AccountAccessKeysPresent, AccountPasswordPresent).
 */
class AccountSummaryTest {

    private final IamFixture f;

    AccountSummaryTest() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private JsonNode summary() throws Exception {
        return f.root("GetAccountSummary").get("SummaryMap");
    }

    @Test
    void an_account_without_root_credentials_has_them_all_at_zero() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateGroup", "GroupName", "devs");
        f.root("AttachUserPolicy", "UserName", "alice", "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess");

        JsonNode map = summary();

        assertThat(map.get("Users").asInt()).isEqualTo(1);
        assertThat(map.get("UsersQuota").asInt()).isEqualTo(5_000);
        assertThat(map.get("Groups").asInt()).isEqualTo(1);
        assertThat(map.get("AccessKeysPerUserQuota").asInt()).isEqualTo(2);
        assertThat(map.get("PolicyVersionsInUse").asInt()).isEqualTo(1);
        assertThat(map.get("AccountMFAEnabled").asInt()).isZero();
        assertThat(map.get("AccountAccessKeysPresent").asInt()).isZero();
        assertThat(map.get("AccountPasswordPresent").asInt()).isZero();
    }

    @Test
    void the_root_users_key_password_and_mfa_device_are_flagged() throws Exception {
        f.root("CreateAccessKey");
        f.iam.setRootPassword(ACCOUNT, "Root-Password-1".toCharArray());
        JsonNode device = f.root("CreateVirtualMFADevice", "VirtualMFADeviceName", "root-phone")
                .get("VirtualMFADevice");
        byte[] seed = Base32.decode(new String(Base64.getDecoder().decode(device.get("Base32StringSeed").asText()),
                StandardCharsets.US_ASCII));
        long step = Totp.AWS.step(Instant.now());
        f.root("EnableMFADevice", "SerialNumber", device.get("SerialNumber").asText(),
                "AuthenticationCode1", Totp.AWS.generate(seed, step - 1),
                "AuthenticationCode2", Totp.AWS.generate(seed, step));

        JsonNode map = summary();

        assertThat(map.get("AccountMFAEnabled").asInt()).isEqualTo(1);
        assertThat(map.get("AccountAccessKeysPresent").asInt()).isEqualTo(1);
        assertThat(map.get("AccountPasswordPresent").asInt()).isEqualTo(1);
        assertThat(map.get("MFADevices").asInt()).isEqualTo(1);
        assertThat(map.get("MFADevicesInUse").asInt()).isEqualTo(1);
    }

    @Test
    void a_user_needs_iam_get_account_summary() throws Exception {
        var alice = f.userWithoutPermissions("alice");

        expect(f.fails(alice, "GetAccountSummary"), IamError.ACCESS_DENIED,
                "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:GetAccountSummary "
                        + "because no identity-based policy allows the iam:GetAccountSummary action");
    }
}
