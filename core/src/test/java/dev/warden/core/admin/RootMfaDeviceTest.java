package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.ACCOUNT;
import static dev.warden.core.admin.IamFixture.ROOT;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.core.auth.mfa.Base32;
import dev.warden.core.auth.mfa.Totp;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.MfaDevice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The root user's MFA devices: a virtual device created as usual and enabled, resynced, deactivated and listed by
 * the root user without {@code UserName} (AWS does this in its console; Warden has none); its codes are what STS and
 * sign-in check for the root user.
 */
class RootMfaDeviceTest {

    private static final String SERIAL = "arn:aws:iam::111122223333:mfa/root-phone";
    private final IamFixture f;
    private final byte[] seed;

    RootMfaDeviceTest() throws Exception {
        f = new IamFixture();
        JsonNode device = f.root("CreateVirtualMFADevice", "VirtualMFADeviceName", "root-phone")
                .get("VirtualMFADevice");
        seed = Base32.decode(new String(Base64.getDecoder().decode(device.get("Base32StringSeed").asText()),
                StandardCharsets.US_ASCII));
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private String code(long stepOffset) {
        return Totp.AWS.generate(seed, Totp.AWS.step(Instant.now()) + stepOffset);
    }

    private void enable() throws Exception {
        f.root("EnableMFADevice", "SerialNumber", SERIAL, "AuthenticationCode1", code(-1),
                "AuthenticationCode2", code(0));
    }

    @Test
    void the_root_user_enables_a_device_for_itself_without_a_user_name() throws Exception {
        enable();

        MfaDevice device = f.warden.directory().current().account(ACCOUNT).settings().mfaDevice(SERIAL).orElseThrow();
        assertThat(device.assignedToRoot()).isTrue();
        JsonNode listed = f.root("ListMFADevices").get("MFADevices");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("SerialNumber").asText()).isEqualTo(SERIAL);
        assertThat(listed.get(0).has("UserName")).isFalse();
        JsonNode virtual = f.root("ListVirtualMFADevices", "AssignmentStatus", "Assigned").get("VirtualMFADevices");
        assertThat(virtual.get(0).at("/User/Arn").asText()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(virtual.get(0).at("/User/UserId").asText()).isEqualTo(ACCOUNT);
        assertThat(virtual.get(0).has("EnableDate")).isTrue();
    }

    @Test
    void a_root_code_is_accepted_once_and_only_for_the_root_user() throws Exception {
        enable();
        String next = code(1);

        f.iam.verifyMfa(ROOT, SERIAL, next);

        assertThatThrownBy(() -> f.iam.verifyMfa(ROOT, SERIAL, next)).isInstanceOf(IamException.class);
        f.root("CreateUser", "UserName", "alice");
        assertThatThrownBy(() -> f.iam.verifyMfa(dev.warden.spi.Principal.of("arn:aws:iam::111122223333:user/alice"),
                SERIAL, code(2))).isInstanceOf(IamException.class);
    }

    @Test
    void a_device_of_the_root_user_is_no_users_and_a_users_is_not_the_root_users() throws Exception {
        enable();
        f.root("CreateUser", "UserName", "alice");

        assertThat(f.root("ListMFADevices", "UserName", "alice").get("MFADevices")).isEmpty();
        expect(f.rootFails("DeactivateMFADevice", "UserName", "alice", "SerialNumber", SERIAL), IamError.NO_SUCH_ENTITY,
                "MFA Device with serial number " + SERIAL + " does not exist for user alice.");
        expect(f.rootFails("DeleteVirtualMFADevice", "SerialNumber", SERIAL), IamError.DELETE_CONFLICT,
                "MFA Device is in use and cannot be deleted; deactivate it first.");
    }

    @Test
    void the_root_user_resyncs_and_deactivates_its_device() throws Exception {
        enable();

        f.root("ResyncMFADevice", "SerialNumber", SERIAL, "AuthenticationCode1", code(1),
                "AuthenticationCode2", code(2));
        f.root("DeactivateMFADevice", "SerialNumber", SERIAL);

        assertThat(f.root("ListMFADevices").get("MFADevices")).isEmpty();
        assertThat(f.warden.directory().current().account(ACCOUNT).settings().mfaDevice(SERIAL).orElseThrow()
                .userName()).isNull();
        f.root("DeleteVirtualMFADevice", "SerialNumber", SERIAL);
    }

    @Test
    void the_store_names_the_root_user_as_the_credential_report_does() throws Exception {
        enable();

        assertThat(f.store.readAll().get("accounts/111122223333/account.json"))
                .contains("\"userName\": \"<root_account>\"");
    }
}
