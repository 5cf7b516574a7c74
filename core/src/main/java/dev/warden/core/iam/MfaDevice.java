package dev.warden.core.iam;

import java.time.Instant;
import java.util.Objects;

/**
 * A virtual MFA device of an account: created unassigned by CreateVirtualMFADevice, then enabled for one user.
 *
 * @param serialNumber its ARN, {@code arn:aws:iam::ACCOUNT:mfa/PATH/NAME}
 * @param createDate when it was created
 * @param sealedSeed the TOTP seed, sealed under the master key (bound to the serial number)
 * @param userName the user it is enabled for, or {@code null} while unassigned
 * @param enableDate when it was enabled, or {@code null}
 * @param lastUsedStep the TOTP time step of the last code accepted (a code is never accepted twice)
 */
public record MfaDevice(String serialNumber, Instant createDate, String sealedSeed, String userName,
                        Instant enableDate, long lastUsedStep) {

    public MfaDevice {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(sealedSeed, "sealedSeed");
    }

    /** The device enabled for {@code user} at {@code when}, having accepted the code of {@code step}. */
    public MfaDevice enabledFor(String user, Instant when, long step) {
        return new MfaDevice(serialNumber, createDate, sealedSeed, user, when, step);
    }

    /** The device back to unassigned. */
    public MfaDevice unassigned() {
        return new MfaDevice(serialNumber, createDate, sealedSeed, null, null, 0);
    }

    /** The device having accepted the code of {@code step}. */
    public MfaDevice used(long step) {
        return new MfaDevice(serialNumber, createDate, sealedSeed, userName, enableDate, step);
    }

    @Override
    public String toString() {
        return "MfaDevice[" + serialNumber + (userName == null ? ", unassigned" : ", user " + userName) + "]";
    }
}
