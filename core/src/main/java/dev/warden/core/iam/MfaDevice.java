package dev.warden.core.iam;

import java.time.Instant;
import java.util.Objects;

/**
 * A virtual MFA device of an account: created unassigned by CreateVirtualMFADevice, then enabled for one user or for
 * the account's root user.
 *
 * @param serialNumber its ARN, {@code arn:aws:iam::ACCOUNT:mfa/PATH/NAME}
 * @param createDate when it was created
 * @param sealedSeed the TOTP seed, sealed under the master key (bound to the serial number)
 * @param userName the user it is enabled for, {@link #ROOT_USER} for the root user, or {@code null} while unassigned
 * @param enableDate when it was enabled, or {@code null}
 * @param lastUsedStep the TOTP time step of the last code accepted (a code is never accepted twice)
 */
public record MfaDevice(String serialNumber, Instant createDate, String sealedSeed, String userName,
                        Instant enableDate, long lastUsedStep) {

    /**
     * The {@link #userName} of a device enabled for the root user: the credential report's name for it, which no IAM
     * user can have ({@code <} and {@code >} are not allowed in user names).
     */
    public static final String ROOT_USER = "<root_account>";

    public MfaDevice {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(sealedSeed, "sealedSeed");
    }

    /** The device enabled for {@code user} at {@code when}, having accepted the code of {@code step}. */
    public MfaDevice enabledFor(String user, Instant when, long step) {
        return new MfaDevice(serialNumber, createDate, sealedSeed, user, when, step);
    }

    /** Whether the device is enabled for the account's root user. */
    public boolean assignedToRoot() {
        return ROOT_USER.equals(userName);
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
        return "MfaDevice[" + serialNumber + (userName == null ? ", unassigned"
                : assignedToRoot() ? ", root user" : ", user " + userName) + "]";
    }
}
