package dev.warden.core.iam;

import dev.warden.core.auth.password.PasswordPolicy;
import java.util.List;
import java.util.Optional;

/**
 * An account's sign-in settings: its password policy and its virtual MFA devices (assigned or not).
 *
 * @param passwordPolicy the password policy, or {@code null} when none is set (AWS's default rules apply)
 * @param mfaDevices the virtual MFA devices, in the order they were created
 */
public record AccountSettings(PasswordPolicy passwordPolicy, List<MfaDevice> mfaDevices) {

    /** No password policy, no devices. */
    public static final AccountSettings NONE = new AccountSettings(null, List.of());

    public AccountSettings {
        mfaDevices = List.copyOf(mfaDevices);
    }

    /** The device with {@code serialNumber}. */
    public Optional<MfaDevice> mfaDevice(String serialNumber) {
        return mfaDevices.stream().filter(d -> d.serialNumber().equals(serialNumber)).findFirst();
    }

    public AccountSettings withPasswordPolicy(PasswordPolicy policy) {
        return new AccountSettings(policy, mfaDevices);
    }

    public AccountSettings withMfaDevices(List<MfaDevice> devices) {
        return new AccountSettings(passwordPolicy, devices);
    }
}
