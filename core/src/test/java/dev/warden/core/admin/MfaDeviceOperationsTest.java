package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.mfa.Base32;
import dev.warden.core.auth.mfa.Totp;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MfaDeviceOperationsTest {

    private static final String SERIAL = "arn:aws:iam::111122223333:mfa/alice-phone";
    private final IamFixture f;

    MfaDeviceOperationsTest() throws Exception {
        f = new IamFixture();
        f.root("CreateUser", "UserName", "alice");
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    /** Creates the device; returns its seed, read back from the answer as an authenticator app would scan it. */
    private byte[] createDevice() throws Exception {
        var device = f.root("CreateVirtualMFADevice", "VirtualMFADeviceName", "alice-phone").get("VirtualMFADevice");
        assertThat(device.get("SerialNumber").asText()).isEqualTo(SERIAL);
        assertThat(Base64.getDecoder().decode(device.get("QRCodePNG").asText())).startsWith(0x89, 'P', 'N', 'G');
        return Base32.decode(new String(Base64.getDecoder().decode(device.get("Base32StringSeed").asText()),
                StandardCharsets.US_ASCII));
    }

    private static String code(byte[] seed, long stepOffset) {
        long step = Totp.AWS.step(Instant.now()) + stepOffset;
        return Totp.AWS.generate(seed, step);
    }

    private void enable(byte[] seed) throws Exception {
        f.root("EnableMFADevice", "UserName", "alice", "SerialNumber", SERIAL, "AuthenticationCode1", code(seed, -1),
                "AuthenticationCode2", code(seed, 0));
    }

    @Test
    void aDeviceIsEnabledWithTwoConsecutiveCodesAndListed() throws Exception {
        byte[] seed = createDevice();
        assertThat(f.root("ListVirtualMFADevices", "AssignmentStatus", "Unassigned").get("VirtualMFADevices")).hasSize(1);

        expect(f.rootFails("EnableMFADevice", "UserName", "alice", "SerialNumber", SERIAL, "AuthenticationCode1",
                code(seed, 0), "AuthenticationCode2", code(seed, -1)), IamError.INVALID_AUTHENTICATION_CODE,
                "Authentication code for device is not valid.");
        enable(seed);

        var listed = f.root("ListMFADevices", "UserName", "alice").get("MFADevices");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("SerialNumber").asText()).isEqualTo(SERIAL);
        var assigned = f.root("ListVirtualMFADevices", "AssignmentStatus", "Assigned").get("VirtualMFADevices");
        assertThat(assigned.get(0).at("/User/UserName").asText()).isEqualTo("alice");
        assertThat(f.store.readAll().values()).noneMatch(t -> t.contains(Base32.encode(seed)));
    }

    @Test
    void aCodeIsAcceptedOnceAndAWrongOneNever() throws Exception {
        byte[] seed = createDevice();
        enable(seed);
        Principal alice = Principal.of("arn:aws:iam::111122223333:user/alice");

        // the enabling codes are used up; the next step's code is fresh
        String next = code(seed, 1);
        f.iam.verifyMfa(alice, SERIAL, next);
        assertThatFails(() -> f.iam.verifyMfa(alice, SERIAL, next));
        assertThatFails(() -> f.iam.verifyMfa(alice, SERIAL, "000000".equals(code(seed, 1)) ? "111111" : "000000"));
        assertThatFails(() -> f.iam.verifyMfa(Principal.of("arn:aws:iam::111122223333:user/bob"), SERIAL, code(seed, 1)));
    }

    private static void assertThatFails(ThrowingCall call) {
        try {
            call.run();
        } catch (IamException e) {
            assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
            assertThat(e.getMessage()).isEqualTo("MultiFactorAuthentication failed with invalid MFA one time pass code.");
            return;
        }
        throw new AssertionError("should have been refused");
    }

    private interface ThrowingCall {
        void run() throws IamException;
    }

    @Test
    void anAssignedDeviceMustBeDeactivatedBeforeItOrItsUserIsDeleted() throws Exception {
        byte[] seed = createDevice();
        enable(seed);

        assertThat(f.rootFails("DeleteVirtualMFADevice", "SerialNumber", SERIAL).error()).isEqualTo(IamError.DELETE_CONFLICT);
        expect(f.rootFails("DeleteUser", "UserName", "alice"), IamError.DELETE_CONFLICT,
                "Cannot delete entity, must delete MFA device first.");
        f.root("DeactivateMFADevice", "UserName", "alice", "SerialNumber", SERIAL);
        assertThat(f.root("ListMFADevices", "UserName", "alice").get("MFADevices")).isEmpty();
        f.root("DeleteVirtualMFADevice", "SerialNumber", SERIAL);
        assertThat(f.root("ListVirtualMFADevices").get("VirtualMFADevices")).isEmpty();
        f.root("DeleteUser", "UserName", "alice");
    }

    @Test
    void deviceNamesAreUniqueAndDevicesInUseCannotBeEnabledTwice() throws Exception {
        byte[] seed = createDevice();
        enable(seed);
        f.root("CreateUser", "UserName", "bob");

        assertThat(f.rootFails("CreateVirtualMFADevice", "VirtualMFADeviceName", "alice-phone").error())
                .isEqualTo(IamError.ENTITY_ALREADY_EXISTS);
        assertThat(f.rootFails("EnableMFADevice", "UserName", "bob", "SerialNumber", SERIAL, "AuthenticationCode1",
                code(seed, 1), "AuthenticationCode2", code(seed, 2)).error()).isEqualTo(IamError.ENTITY_ALREADY_EXISTS);
        assertThat(f.rootFails("EnableMFADevice", "UserName", "bob", "SerialNumber",
                "arn:aws:iam::111122223333:mfa/none", "AuthenticationCode1", "123456", "AuthenticationCode2", "654321")
                .error()).isEqualTo(IamError.NO_SUCH_ENTITY);
    }

    @Test
    void resyncAcceptsTwoFreshConsecutiveCodes() throws Exception {
        byte[] seed = createDevice();
        enable(seed);

        f.root("ResyncMFADevice", "UserName", "alice", "SerialNumber", SERIAL, "AuthenticationCode1", code(seed, 1),
                "AuthenticationCode2", code(seed, 2));
        assertThat(f.rootFails("ResyncMFADevice", "UserName", "alice", "SerialNumber", SERIAL, "AuthenticationCode1",
                code(seed, 1), "AuthenticationCode2", code(seed, 2)).error()).isEqualTo(IamError.INVALID_AUTHENTICATION_CODE);
    }
}
