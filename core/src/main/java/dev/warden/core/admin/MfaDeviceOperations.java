package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.SecretSealer;
import dev.warden.core.auth.mfa.Base32;
import dev.warden.core.auth.mfa.OtpAuthUri;
import dev.warden.core.auth.mfa.QrCodePng;
import dev.warden.core.auth.mfa.Totp;
import dev.warden.core.auth.mfa.TotpVerifier;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.MfaDevice;
import dev.warden.core.iam.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

/**
 * Virtual MFA devices: CreateVirtualMFADevice (the seed, Base32, and its otpauth QR code are in the answer and
 * nowhere else: the seed is stored sealed), EnableMFADevice and ResyncMFADevice (two consecutive codes),
 * DeactivateMFADevice, ListMFADevices, ListVirtualMFADevices, DeleteVirtualMFADevice. Without {@code UserName}, the
 * root user enables, resyncs, deactivates and lists its own devices ({@link CredentialOwner}); AWS does that in its
 * console only, Warden has no console.
 */
final class MfaDeviceOperations {

    /** AWS: a user may have up to eight MFA devices. */
    private static final int DEVICES_PER_USER = 8;

    private MfaDeviceOperations() {
    }

    static void register(IamService s) {
        s.register("CreateVirtualMFADevice", MfaDeviceOperations::create);
        s.register("EnableMFADevice", MfaDeviceOperations::enable);
        s.register("ResyncMFADevice", MfaDeviceOperations::resync);
        s.register("DeactivateMFADevice", MfaDeviceOperations::deactivate);
        s.register("ListMFADevices", MfaDeviceOperations::list);
        s.register("ListVirtualMFADevices", MfaDeviceOperations::listVirtual);
        s.register("DeleteVirtualMFADevice", MfaDeviceOperations::delete);
    }

    private static ObjectNode create(Call call) throws IamException, IOException {
        String name = call.params().required("VirtualMFADeviceName", Constraint.MFA_DEVICE_NAME);
        String path = call.params().optional("Path", Constraint.PATH, "/");
        String serial = call.arn("mfa", path, name);
        call.authorize("iam:CreateVirtualMFADevice", serial);
        SecretSealer sealer = call.service().sealer();
        byte[] seed = Totp.newSeed();
        String base32 = Base32.encode(seed);
        try {
            return call.write(d -> {
                Account account = call.account(d);
                boolean taken = account.settings().mfaDevices().stream()
                        .anyMatch(m -> m.serialNumber().equalsIgnoreCase(serial));
                if (taken) {
                    throw IamException.alreadyExists("MFADevice entity at the same path and name already exists.");
                }
                List<MfaDevice> devices = new ArrayList<>(account.settings().mfaDevices());
                devices.add(new MfaDevice(serial, call.now(), sealer.seal(base32, serial), null, null, 0));
                String uri = OtpAuthUri.totp(OtpAuthUri.DEFAULT_ISSUER, name + "@" + accountLabel(account), seed);
                ObjectNode out = Shapes.object();
                // blobs, as AWS sends them: base64 of the Base32 text and of the PNG
                out.putObject("VirtualMFADevice").put("SerialNumber", serial)
                        .put("Base32StringSeed", Base64.getEncoder().encodeToString(base32.getBytes(StandardCharsets.US_ASCII)))
                        .put("QRCodePNG", Base64.getEncoder().encodeToString(QrCodePng.render(uri)));
                return new LiveDirectory.Result<>(out,
                        new Changes().put(account.withSettings(account.settings().withMfaDevices(devices))));
            });
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static String accountLabel(Account account) {
        return account.alias() != null ? account.alias() : account.id();
    }

    /** The parameters of EnableMFADevice and ResyncMFADevice: an owner, a device and two consecutive codes. */
    private record CodePair(CredentialOwner owner, String serial, String code1, String code2) {

        static CodePair of(Call call, String action) throws IamException {
            CodePair pair = new CodePair(CredentialOwner.of(call),
                    call.params().required("SerialNumber", Constraint.SERIAL_NUMBER),
                    call.params().required("AuthenticationCode1", Constraint.AUTHENTICATION_CODE),
                    call.params().required("AuthenticationCode2", Constraint.AUTHENTICATION_CODE));
            call.authorize(action, pair.owner().arn(call));
            return pair;
        }
    }

    private static ObjectNode enable(Call call) throws IamException, IOException {
        CodePair p = CodePair.of(call, "iam:EnableMFADevice");
        return call.write(d -> {
            String holder = p.owner().deviceUser(call, d);
            Account account = call.account(d);
            MfaDevice device = device(account, p.serial());
            if (device.userName() != null) {
                throw IamException.alreadyExists("MFA Device is already in use.");
            }
            long assigned = account.settings().mfaDevices().stream()
                    .filter(m -> holder.equals(m.userName())).count();
            if (assigned >= DEVICES_PER_USER) {
                throw IamException.limitExceeded("MFADevicesPerUser", DEVICES_PER_USER);
            }
            long step = consecutive(call, device, p.code1(), p.code2());
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(replaced(account,
                    device.enabledFor(holder, call.now(), step))));
        });
    }

    private static ObjectNode resync(Call call) throws IamException, IOException {
        CodePair p = CodePair.of(call, "iam:ResyncMFADevice");
        return call.write(d -> {
            Account account = call.account(d);
            MfaDevice device = assignedTo(account, p.serial(), p.owner().deviceUser(call, d));
            long step = consecutive(call, device, p.code1(), p.code2());
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(replaced(account, device.used(step))));
        });
    }

    private static ObjectNode deactivate(Call call) throws IamException, IOException {
        CredentialOwner owner = CredentialOwner.of(call);
        String serial = call.params().required("SerialNumber", Constraint.SERIAL_NUMBER);
        call.authorize("iam:DeactivateMFADevice", owner.arn(call));
        return call.write(d -> {
            Account account = call.account(d);
            MfaDevice device = assignedTo(account, serial, owner.deviceUser(call, d));
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(replaced(account, device.unassigned())));
        });
    }

    private static ObjectNode list(Call call) throws IamException {
        CredentialOwner owner = CredentialOwner.of(call);
        call.authorize("iam:ListMFADevices", owner.arn(call));
        Directory d = call.directory();
        String holder = owner.deviceUser(call, d);
        String name = owner.name(call, d);
        ObjectNode out = Shapes.object();
        ArrayNode devices = out.putArray("MFADevices");
        for (MfaDevice device : call.account(d).settings().mfaDevices()) {
            if (holder.equals(device.userName())) {
                ObjectNode n = devices.addObject();
                if (name != null) {
                    n.put("UserName", name); // AWS names no user for the root user's devices
                }
                n.put("SerialNumber", device.serialNumber()).put("EnableDate", device.enableDate().toString());
            }
        }
        out.put("IsTruncated", false);
        return out;
    }

    private static ObjectNode listVirtual(Call call) throws IamException {
        String status = call.params().optional("AssignmentStatus", Constraint.ASSIGNMENT_STATUS, "Any");
        call.authorize("iam:ListVirtualMFADevices", "*");
        Directory d = call.directory();
        Account account = call.account(d);
        ObjectNode out = Shapes.object();
        ArrayNode devices = out.putArray("VirtualMFADevices");
        for (MfaDevice device : account.settings().mfaDevices()) {
            boolean assigned = device.userName() != null;
            if (status.equals("Assigned") && !assigned || status.equals("Unassigned") && assigned) {
                continue;
            }
            ObjectNode n = devices.addObject().put("SerialNumber", device.serialNumber());
            User user = assigned && !device.assignedToRoot() ? account.user(device.userName()) : null;
            if (user != null) {
                n.set("User", Shapes.without(Shapes.user(user, d.partition(), account.id()), "PermissionsBoundary",
                        "Tags"));
            } else if (device.assignedToRoot()) {
                n.set("User", Shapes.rootUser(account, d.partition()));
            }
            if (n.has("User")) {
                n.put("EnableDate", device.enableDate().toString());
            }
        }
        out.put("IsTruncated", false);
        return out;
    }

    private static ObjectNode delete(Call call) throws IamException, IOException {
        String serial = call.params().required("SerialNumber", Constraint.SERIAL_NUMBER);
        call.authorize("iam:DeleteVirtualMFADevice", serial);
        return call.write(d -> {
            Account account = call.account(d);
            MfaDevice device = device(account, serial);
            if (device.userName() != null) {
                throw IamException.deleteConflict("MFA Device is in use and cannot be deleted; deactivate it first.");
            }
            List<MfaDevice> devices = new ArrayList<>(account.settings().mfaDevices());
            devices.remove(device);
            return new LiveDirectory.Result<>(Shapes.object(),
                    new Changes().put(account.withSettings(account.settings().withMfaDevices(devices))));
        });
    }

    /**
     * Accepts {@code code} from device {@code serial} of {@code userName} ({@link MfaDevice#ROOT_USER} for the root
     * user) once, recording its time step so it is not accepted again: what STS and sign-in check MFA with.
     *
     * @throws IamException {@code AccessDenied} for a wrong, reused or foreign code, or a device not assigned to the user
     */
    static void verifyCode(IamService service, String accountId, String userName, String serial, String code)
            throws IamException, IOException {
        IamException failed = new IamException(IamError.ACCESS_DENIED,
                "MultiFactorAuthentication failed with invalid MFA one time pass code.");
        SecretSealer sealer = service.sealer();
        service.warden().directory().update(d -> {
            Account account = d.account(accountId);
            MfaDevice device = account == null ? null : account.settings().mfaDevice(serial).orElse(null);
            if (device == null || !userName.equals(device.userName())) {
                throw failed;
            }
            byte[] seed = seed(sealer, device);
            try {
                OptionalLong step = service.totp().verify(seed, code, lastUsed(device));
                if (step.isEmpty()) {
                    throw failed;
                }
                return new LiveDirectory.Result<>(null, new Changes().put(replaced(account, device.used(step.getAsLong()))));
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        });
    }

    private static long consecutive(Call call, MfaDevice device, String code1, String code2) throws IamException {
        byte[] seed = seed(call.service().sealer(), device);
        try {
            OptionalLong step = call.service().totp().verifyConsecutive(seed, code1, code2, lastUsed(device));
            if (step.isEmpty()) {
                throw new IamException(IamError.INVALID_AUTHENTICATION_CODE, "Authentication code for device is not valid.");
            }
            return step.getAsLong();
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The directory keeps 0 for a device that never accepted a code. */
    private static long lastUsed(MfaDevice device) {
        return device.lastUsedStep() == 0 ? TotpVerifier.NEVER_USED : device.lastUsedStep();
    }

    private static byte[] seed(SecretSealer sealer, MfaDevice device) throws IamException {
        try {
            return Base32.decode(sealer.unseal(device.sealedSeed(), device.serialNumber()));
        } catch (SecretSealer.SealedSecretException | IllegalArgumentException e) {
            throw new IamException(IamError.SERVICE_FAILURE, "the seed of MFA device " + device.serialNumber()
                    + " cannot be opened");
        }
    }

    private static MfaDevice device(Account account, String serial) throws IamException {
        return account.settings().mfaDevice(serial).orElseThrow(() -> IamException.noSuchEntity(
                "VirtualMFADevice with serial number " + serial + " doesn't exist."));
    }

    /** Device {@code serial}, enabled for {@code holder} (a user's name or {@link MfaDevice#ROOT_USER}). */
    private static MfaDevice assignedTo(Account account, String serial, String holder) throws IamException {
        MfaDevice device = device(account, serial);
        if (!holder.equals(device.userName())) {
            throw IamException.noSuchEntity("MFA Device with serial number " + serial + " does not exist for "
                    + (holder.equals(MfaDevice.ROOT_USER) ? "the root user" : "user " + holder) + ".");
        }
        return device;
    }

    private static Account replaced(Account account, MfaDevice device) {
        List<MfaDevice> devices = new ArrayList<>(account.settings().mfaDevices());
        devices.replaceAll(m -> m.serialNumber().equals(device.serialNumber()) ? device : m);
        return account.withSettings(account.settings().withMfaDevices(devices));
    }
}
